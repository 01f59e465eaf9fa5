/**
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
define(['./HC_CustomerSyncLib'],function(HC_CustomerSyncLib){'use strict'
function latestRuns(search,filter,count){const filters=[]
const ids=filter.scriptIds??(filter.scriptId?[filter.scriptId]:[])
if(ids.length)filters.push(ids.flatMap((id,i)=>i?['OR',[HC_CustomerSyncLib.RUN_RECORD.script,'is',id]]:[[HC_CustomerSyncLib.RUN_RECORD.script,'is',id]]))
if(filter.withErrors){if(filters.length)filters.push('AND')
filters.push([HC_CustomerSyncLib.RUN_RECORD.errors,'greaterthan',0])}const rows=search.create({
type:HC_CustomerSyncLib.RUN_RECORD.type,filters,columns:[search.createColumn({name:HC_CustomerSyncLib.RUN_RECORD.ended,
sort:search.Sort.DESC
}),HC_CustomerSyncLib.RUN_RECORD.script,HC_CustomerSyncLib.RUN_RECORD.deployment,HC_CustomerSyncLib.RUN_RECORD.outcome,HC_CustomerSyncLib.RUN_RECORD.errors,HC_CustomerSyncLib.RUN_RECORD.summary]
}).run().getRange({start:0,end:count})
return rows.map(r=>{let summary={}
try{summary=JSON.parse(String(r.getValue({name:HC_CustomerSyncLib.RUN_RECORD.summary})||'{}'))}catch{summary={
text:String(r.getValue({name:HC_CustomerSyncLib.RUN_RECORD.summary})??'')}}return{id:String(r.id),
scriptId:String(r.getValue({name:HC_CustomerSyncLib.RUN_RECORD.script})??''),deploymentId:String(r.getValue({
name:HC_CustomerSyncLib.RUN_RECORD.deployment})??''),ended:Number(r.getValue({name:HC_CustomerSyncLib.RUN_RECORD.ended
}))||0,outcome:String(r.getValue({name:HC_CustomerSyncLib.RUN_RECORD.outcome})||'complete')??'complete',
errorCount:Number(r.getValue({name:HC_CustomerSyncLib.RUN_RECORD.errors}))||0,summary}})}const SYNC_SCRIPTS=[{
key:'import',name:'HC_SC_ImportCustomer',title:'Customer import',scriptId:HC_CustomerSyncLib.IMPORT_CUSTOMER.scriptId},{
key:'import_mr',name:'HC_MR_ImportCustomer',title:'Customer import of large backlogs (map/reduce)',
scriptId:HC_CustomerSyncLib.IMPORT_CUSTOMER_MR.scriptId,about:'started by HC_SC_ImportCustomer',
idle:'Nothing queued: HC_SC_ImportCustomer submits it when it hands over a backlog (no schedule, no run-now action)'},{
key:'export',name:'HC_MR_ExportedCustomerCSV',title:'Id export to HotWax',
scriptId:HC_CustomerSyncLib.EXPORT_CUSTOMER_IDS.scriptId},{key:'generate',name:'HC_SC_GenerateHistoricalCustomerCSV',
title:'Historical export: generate the CSV parts (by hand, once)',
scriptId:HC_CustomerSyncLib.GENERATE_HISTORICAL_CSV.scriptId},{key:'upload',name:'HC_SC_UploadHistoricalCustomerCSV',
title:'Historical export: upload the parts (by hand, after generating)',
scriptId:HC_CustomerSyncLib.UPLOAD_HISTORICAL_CSV.scriptId}]
const IMPORT_SCRIPT_IDS=[HC_CustomerSyncLib.IMPORT_CUSTOMER.scriptId,HC_CustomerSyncLib.IMPORT_CUSTOMER_MR.scriptId]
const IMPORT_RUNS=1e3
const scriptName=scriptId=>SYNC_SCRIPTS.find(s=>s.scriptId===scriptId)?.name??scriptId
const ON_DEMAND={import:{scriptId:HC_CustomerSyncLib.IMPORT_CUSTOMER.scriptId,
deploymentId:HC_CustomerSyncLib.IMPORT_CUSTOMER.onDemandDeploymentId},export:{
scriptId:HC_CustomerSyncLib.EXPORT_CUSTOMER_IDS.scriptId,
deploymentId:HC_CustomerSyncLib.EXPORT_CUSTOMER_IDS.onDemandDeploymentId}}
const SHIPPED_REPEAT_MINUTES={customdeploy1:15,customdeploy_export_customer:15}
const PARAM={action:'custpage_action',feed:'custpage_feed',csrf:'custpage_csrf',listFeeds:'custpage_feeds',
code:'custpage_code',report:'custpage_report',download:'custpage_download',run:'custpage_run',
dryRunFeed:'custpage_dryrun_feed',page:'custpage_page'}
const REPORT_PAGE_ROWS=500
const ACTIONS={runImport:'run_import',runExport:'run_export',dryRun:'dry_run',testSftp:'test_sftp'}
const ACTION_LABELS={
run_import:'Run the import now (HC_SC_ImportCustomer, customdeploy_imp_customer_rest; it hands large backlogs to HC_MR_ImportCustomer)',
run_export:'Run the id export now (customdeploy_export_customer_rest)',dry_run:'Dry run of the chosen waiting feed',
test_sftp:'Test the SFTP connection'}
const REPORT_FOLDERS={error:'customer/export/error',dry_run:'customer/export/dry_run'}
const IMPORT_COMPANY_SETTINGS=[{id:'custscript_hc_imp_default_subsidiary',label:'Default subsidiary',
empty:'none: rows without a subsidiary fail MISSING_SUBSIDIARY (OneWorld)'},{id:'custscript_hc_imp_match_by_email',
label:'Link by email',empty:'No'},{id:'custscript_hc_imp_field_map',label:'Extra column map (JSON)',empty:'none'},{
id:'custscript_hc_imp_sftp_config',label:'SFTP configuration',empty:'the first active HC SFTP Configuration record'},{
id:'custscript_hc_imp_sftp_directory',label:'SFTP directory',empty:"the record's default file directory"},{
id:'custscript_hc_imp_mr_min_rows',label:'Map/reduce from (rows)',empty:`${HC_CustomerSyncLib.DEFAULT_HANDOFF_ROWS}`}]
const SETTINGS_WHERE='Setup > Company > General Preferences > Custom Preferences (one value for every deployment of HC_SC_ImportCustomer; a redeploy never changes it)'
const SFTP_RECORD='the HC SFTP Configuration record (Customization > Lists, Records, & Fields > Record Types > HC SFTP Configuration)'
const ERROR_FIXES=[[/^FTP_CANNOT_ESTABLISH_CONNECTION$/,`Check the user name and the password secret (custrecord_ns_sftp_guid names it) of ${SFTP_RECORD}, then use "Test the SFTP connection".`],[/^FTP_INCORRECT_HOST_KEY/,`The server's host key changed or is wrong: ask HotWax for the key and update ${SFTP_RECORD}.`],[/^(CONNECTION_CLOSED_BY_HOST|CONNECTION_RESET|FTP_CONNECT_TIMEOUT_EXCEEDED|FTP_UNKNOWN_HOST|NO_ROUTE_TO_HOST_FOUND)$/,`The SFTP server did not answer: check host and port in ${SFTP_RECORD}, and ask HotWax whether the server is up.`],[/^FTP_UNSUPPORTED_ENCRYPTION_ALGORITHM$/,'The SFTP server offers none of the algorithms NetSuite accepts: ask HotWax to enable aes128-ctr/aes256-ctr.'],[/^(FTP_PERMISSION_DENIED|FTP_DIRECTORY_NOT_FOUND|FTP_NO_SUCH_FILE_OR_DIRECTORY|FTP_INVALID_DIRECTORY)$/,`A folder of the SFTP layout is missing or not writable: check the directory in ${SFTP_RECORD} and run "Test the SFTP connection".`],[/^HC_SFTP_CONFIG_(MISSING|INVALID)$/,`The message names the field: correct ${SFTP_RECORD}.`],[/^HC_PARAMETER_INVALID$/,`The message names the setting: correct it under ${SETTINGS_WHERE.replace(/ \(.*$/,'')} or on the deployment.`],[/^HC_CHECKPOINT_CONFLICT$/,'Another execution changed the checkpoint: nothing to do, the next run continues.'],[/^HC_HISTORICAL_UPLOAD_FAILED$/,'The failed parts stay in "Historical Shopify Customer CSV": fix the SFTP problem named, then run the upload again.'],[/^SSS_USAGE_LIMIT_EXCEEDED$|^SSS_TIME_LIMIT_EXCEEDED$/,'NetSuite stopped the execution at its limit: the next run continues from the checkpoint; if it repeats, report it to HotWax with the Execution Log.'],[/^ENDED_BY_NETSUITE$/,"Open the deployment's Execution Log (Customization > Scripting > Script Deployments) for the error; the next run continues from the checkpoint."],[/^MISSING_SUBSIDIARY$|^INVALID_SUBSIDIARY$/,`Set "Default subsidiary" (an internal id) under ${SETTINGS_WHERE.replace(/ \(.*$/,'')}, or have HotWax send the subsidiary; then HotWax sends the rows again.`],[/^MISSING_HC_CUSTOMER_ID$/,'The row has no HotWax customer id: fix the customer in HotWax; it is sent again with its next change.'],[/^MISSING_COMPANY_NAME$|^INVALID_INDIVIDUAL$/,'A company customer needs a company name (or the row must be a person): fix the customer in HotWax.'],[/^INVALID_(EMAIL|PHONE|TAXABLE|ORDER_PRIORITY|ACCOUNT_SOURCE|CHARACTER)$/,'The value in that column is not one NetSuite accepts (the message says which): fix the customer in HotWax.'],[/^LINKED_TO_OTHER_HC_CUSTOMER$|^DUPLICATE|IDENTITY|CONFLICT/,'Two HotWax customers claim one NetSuite customer (or the reverse): decide which is right, correct the HC Customer Id on the NetSuite customer, then HotWax sends the row again.'],[/^(WRONG_COLUMN_COUNT|UNBALANCED_QUOTE|STRAY_QUOTE|DUPLICATE_COLUMN|EMPTY_FILE|UNKNOWN_STATUS)$/,'The feed file itself is malformed: report it to HotWax with the file name (it is kept in customer/export/failed/).']]
function fixFor(code){
return ERROR_FIXES.find(([re])=>re.test(code))?.[1]??`Read the message; if it is unclear, send the code ${code} and the message to HotWax.`
}const n=v=>typeof v==='number'&&Number.isFinite(v)?v:Number(v)||0
function plural(count,one,many=`${one}s`){return`${count.toLocaleString('en-US')} ${count===1?one:many}`}
const joined=(groups,sep)=>groups.flatMap((g,i)=>i?[sep,...g]:g)
const DEPLOYMENT_STATUS_LABEL={SCHEDULED:'Scheduled',NOTSCHEDULED:'Not scheduled (on demand)',TESTING:'Testing',
RELEASED:'Released'}
const INSTANCE_STATUS_LABEL={PENDING:'Pending',PROCESSING:'Processing',COMPLETE:'Complete',FAILED:'Failed',
CANCELED:'Canceled',DEFERRED:'Deferred',RETRY:'Retry'}
const STAGE_LABEL={GETINPUT:'getInputData',MAP:'map',SHUFFLE:'shuffle',REDUCE:'reduce',SUMMARIZE:'summarize'}
const stageLabel=(stage='')=>STAGE_LABEL[stage.toUpperCase().replace(/[^A-Z]/g,'')]??stage
function outcomeText(key,s){if(key==='import'||key==='import_mr'){const t=s.totals??{}
const parts=[`${n(t.created)} created`,`${n(t.linked)} linked`,`${n(t.alreadyLinked)} already linked`,`${n(t.errors)} errors`]
const files=Array.isArray(s.fileResults)?s.fileResults:[]
if(s.skipped)return`skipped: ${String(s.skipped)}`
const handed=files.filter(f=>f.outcome==='handed off').length
return`${s.dryRun?'dry run: ':''}${parts.join(', ')}; ${plural(files.length,'feed')}${handed?`, ${handed} handed to HC_MR_ImportCustomer`:''}`
}if(key==='export'){const files=Array.isArray(s.files)?s.files.length:0
return`${plural(n(s.exported),'customer id')} sent in ${plural(files,'file')}${n(s.stageErrors)?`, ${n(s.stageErrors)} stage errors`:''}`
}if(key==='generate'){
return`${plural(n(s.exportedThisExecution),'customer')} exported (${n(s.exportedTotal).toLocaleString('en-US')} in all), ${plural(Array.isArray(s.partsWritten)?s.partsWritten.length:0,'part')} written${n(s.duplicates)?`, ${plural(n(s.duplicates),'Shopify customer ID')} on more than one customer`:''}`
}return`${plural(n(s.uploaded),'file')} uploaded, ${n(s.failed)} failed`}
const isAlive=i=>i.status==='PROCESSING'||i.status==='RETRY'
function instanceRuns(rows){const groups=new Map
rows.forEach((r,i)=>{const key=r.taskId||`#${i}`
groups.set(key,[...groups.get(key)??[],r])})
return[...groups.values()].map(jobs=>{if(jobs.length===1)return jobs[0]
const alive=jobs.find(isAlive)
const pending=jobs.filter(j=>j.status==='PENDING')
const status=alive?'PROCESSING':pending.length===jobs.length?'PENDING':pending.length?'PROCESSING':jobs.some(j=>j.status==='FAILED')?'FAILED':'COMPLETE'
const ends=jobs.map(j=>j.ended??0)
return{...jobs[0],status,stage:(alive??pending[pending.length-1]??jobs[0]).stage,
created:Math.min(...jobs.map(j=>j.created)),ended:status==='COMPLETE'||status==='FAILED'?Math.max(...ends):null}})}
const handedFeeds=h=>h.feeds.map(f=>`${f.name}${h.done.includes(f.name)?' (finished)':''}`).join(', ')
function nextQuarter(now,minutes){const step=minutes*6e4
return Math.floor(now/step)*step+step}function withInstanceFailures(runs,instances,scriptId){const claimed=new Set
const extra=[]
const mine=instances.filter(i=>i.scriptId===scriptId&&(i.status==='FAILED'||i.status==='COMPLETE')).reverse()
const oldestFirst=[...runs].sort((a,b)=>a.ended-b.ended)
let before=0
for(const i of mine){const end=Math.max(i.ended??i.created,before+1)
const own=oldestFirst.find(r=>!claimed.has(r)&&r.deploymentId===i.deploymentId&&r.ended>=i.created-6e4&&r.ended<=end+6e4)
if(own){claimed.add(own)
before=Math.max(before,own.ended)}else if(i.status==='FAILED')extra.push({id:`instance-${i.taskId??end}`,scriptId,
deploymentId:i.deploymentId,ended:end,outcome:'failed',errorCount:0,summary:{error:{code:'ENDED_BY_NETSUITE',
message:'NetSuite ended this execution (Script Status: Failed) before the script could record why: a usage or time limit, or an uncaught error.'
}}})}return extra.length?[...runs,...extra].sort((a,b)=>b.ended-a.ended):runs}const runError=r=>r.summary.error??null
const FLOWS=[{flow:'Customer import',
scripts:[HC_CustomerSyncLib.IMPORT_CUSTOMER.scriptId,HC_CustomerSyncLib.IMPORT_CUSTOMER_MR.scriptId],every:15},{
flow:'Id export to HotWax',scripts:[HC_CustomerSyncLib.EXPORT_CUSTOMER_IDS.scriptId],every:15},{
flow:'Historical export (by hand, once)',
scripts:[HC_CustomerSyncLib.GENERATE_HISTORICAL_CSV.scriptId,HC_CustomerSyncLib.UPLOAD_HISTORICAL_CSV.scriptId],every:0
}]
function importLoad(state,runs,env){const parts=[]
if(state?.file)parts.push(`1 in progress (${state.file}, line ${state.line})`)
const handed=state?.handoff?.feeds.filter(x=>!state.handoff?.done.includes(x.name)).length??0
if(handed)parts.push(`${handed} handed to the map/reduce import`)
const counted=runs.find(r=>typeof r.summary.waiting==='number')
if(counted)parts.push(`${counted.summary.waiting} waiting in customer/export/ when the last run ended (${env.time(counted.ended)})`)
const feeds=`${parts.length?parts.join('; '):'none in progress'}; live list: "List the waiting feeds" (Feeds tab)`
const day=runs.filter(r=>r.ended>env.now-864e5)
const rows=day.reduce((t,r)=>t+r.errorCount,0)
const failedFeeds=day.flatMap(r=>Array.isArray(r.summary.fileResults)?r.summary.fileResults:[]).filter(x=>x.outcome==='failed').length
const errors=`${plural(rows,'rejected row')}${failedFeeds?`, ${plural(failedFeeds,'failed feed')}`:''} in the last 24 hours`
return{feeds,errors}}function failing(runs,env){const last=runs[0]
const e=runError(last)
const code=e?.code??'UNEXPECTED_ERROR'
let since=last
for(const r of runs){if(r.outcome!=='failed')break
since=r}return{state:'failing',
cause:`${scriptName(last.scriptId)} failed on ${last.deploymentId} ${since===last?'at':'every run since'} ${env.time(since.ended)}: ${code}: ${e?.message??'no message recorded'}`,
fix:fixFor(code)}}function flowVerdict(f,runs,deployments,errors,env){const last=runs[0]
if(last?.outcome==='failed')return failing(runs,env)
const paused=deployments.filter(d=>f.scripts.includes(d.scriptId)&&SHIPPED_REPEAT_MINUTES[d.deploymentId]&&(d.status!=='SCHEDULED'||!d.isDeployed))
if(paused.length)return{state:'attention',
cause:`${paused.map(d=>d.deploymentId).join(', ')} is not scheduled: no run starts by itself`,
fix:'Set the deployment\u2019s Status back to Scheduled (Customization > Scripting > Script Deployments), unless HotWax paused it on purpose.'
}
if(!last)return{state:'not run yet',cause:f.every?`No run recorded yet: it runs every ${f.every} minutes`:'Not run yet',
fix:f.every?'Nothing to do: wait for the first scheduled run, or use "Run now".':'Before go-live, run HC_SC_GenerateHistoricalCustomerCSV by hand (Save and Execute), then HC_SC_UploadHistoricalCustomerCSV.'
}
if(f.every&&last.ended<env.now-(3*f.every+15)*6e4)return{state:'attention',
cause:`No run recorded since ${env.time(last.ended)}, though it is scheduled every ${f.every} minutes`,
fix:'Open Customization > Scripting > Script Status: are its instances pending behind other scripts? The processors may be busy.'
}
if(errors!=='\u2014'&&/^[1-9]|failed feed/.test(errors))return{state:'attention',
cause:`Runs complete, but rows were rejected: ${errors}`,fix:'Open the Errors tab: each error code says what to fix.'}
return{state:'healthy',cause:`Last run ${env.time(last.ended)}: ${last.outcome}`,fix:'Nothing to do.'}}
function healthRows({src,env,runsByScript,deployments}){const state=src.importState()
return FLOWS.map(f=>{const runs=f.scripts.flatMap(id=>runsByScript.get(id)??[]).sort((a,b)=>b.ended-a.ended)
const good=runs.find(r=>r.outcome!=='failed')
const lastGood=good?`${env.time(good.ended)} (${scriptName(good.scriptId)})`:'none recorded'
const load=f.every&&f.scripts.includes(HC_CustomerSyncLib.IMPORT_CUSTOMER.scriptId)?importLoad(state,runs,env):{
feeds:'\u2014',errors:'\u2014'}
const row={flow:f.flow,lastGood,...load}
return{...row,...flowVerdict(f,runs,deployments,load.errors,env)}})}function esc(s){
return String(s??'').replace(/[&<>"']/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]))}
function pieceHtml(p){if(typeof p==='string')return esc(p)
if('link'in p)return`<a href="${esc(p.link)}">${esc(p.text)}</a>`
if('strong'in p)return`<b>${esc(p.strong)}</b>`
if('bad'in p)return`<span class="hc-bad">${esc(p.bad)}</span>`
if('br'in p)return'<br>'
if('button'in p){const{name,value,label}=p.button
return`<button type="submit" class="hc-btn" name="${esc(name)}" value="${esc(value)}">${esc(label)}</button>`}
return p.markup}const richHtml=r=>(Array.isArray(r)?r:[r]).map(pieceHtml).join('')
function blockModel(b){if(b.kind==='table')return{...b,rows:b.rows.map(row=>row.map(richHtml))}
return{...b,fields:b.fields.map(f=>typeof f.value==='string'?{...f,value:f.value}:{...f,value:richHtml(f.value),
html:true})}}function renderPage(view){return{...view,tabs:view.tabs.map(t=>({...t,blocks:t.blocks.map(blockModel)}))}}
const listedRows=r=>Array.isArray(r.summary.errorRows)?r.summary.errorRows:[]
function errorRowsOf(runs){const rows=[]
let omitted=0
for(const r of runs){const list=listedRows(r)
for(const e of list)rows.push({...e,when:r.ended,by:scriptName(r.scriptId)})
omitted+=Math.max(0,r.errorCount-list.length)}return{rows,omitted}}function codeCounts(runs){const codes=new Map
let total=0
for(const r of runs){
const byCode=r.summary.errorCodes&&typeof r.summary.errorCodes==='object'?Object.entries(r.summary.errorCodes):[...listedRows(r).reduce((m,e)=>m.set(e.errorCode,(m.get(e.errorCode)??0)+1),new Map)]
for(const[c,k]of byCode){codes.set(c,(codes.get(c)??0)+n(k))
total+=n(k)}}return{codes,total}}const byCount=codes=>[...codes.entries()].sort((a,b)=>b[1]-a[1])
function filterBlock(env,code,codes,total,omitted){const url=c=>env.pageUrl({...c?{[PARAM.code]:c}:{},
selectedtab:'custpage_tab_errors'})
const all=`All (${total.toLocaleString('en-US')})`
const choices=[[code?{link:url(),text:all}:{strong:all}],...byCount(codes).map(([c,count])=>{
const text=`${c} (${count.toLocaleString('en-US')})`
return[c===code?{strong:text}:{link:url(c),text}]})]
const block={kind:'fields',id:'custpage_grp_errfilter',label:'Filter',fields:[{id:'custpage_err_codes',
label:'Error code',value:joined(choices,' | ')},{id:'custpage_err_omitted',label:'Not listed here',
value:omitted?`${plural(omitted,'more error row')} of these runs: open the feed's report for every row.`:'none: every error row of these runs is listed'
}]}
return block}function errorRowsTable(env,code,shown,customers){return{kind:'table',id:'custpage_errors',
label:code?`Latest error rows with code ${code}`:'Latest error rows',columns:[{id:'feed',label:'Feed'},{id:'line',
label:'Line'},{id:'hcid',label:'HC Customer Id'},{id:'code',label:'Code'},{id:'message',label:'Message'},{id:'customer',
label:'NetSuite customer'},{id:'when',label:'Reported'},{id:'by',label:'Imported by'}],rows:shown.map(r=>{
const id=customers.get(r.hcCustomerId)
return[r.report?{link:env.pageUrl({[PARAM.report]:r.report,selectedtab:'custpage_tab_errors'}),text:r.fileName
}:r.fileName,String(r.lineNumber),r.hcCustomerId,r.errorCode,r.errorMessage,id?{link:env.customerUrl(id),
text:`Customer ${id}`}:'',env.time(r.when),r.by]}),
empty:code?`No recorded error row has code ${code}.`:'No error rows in the last 30 days.'}}
const reportUrl=(env,report,params)=>env.pageUrl({[PARAM.report]:report.name,...report.folder==='dry_run'?{
custpage_folder:'dry_run'}:{},...params})
function reportBlocks(env,report,reportError,page){
if(!report)return reportError?[reportTable(report,reportError,1,1)]:[]
const pages=Math.max(1,Math.ceil(report.rows.length/REPORT_PAGE_ROWS))
const shownPage=Math.min(Math.max(1,page),pages)
const pageLinks=Array.from({length:pages},(_,i)=>[i+1===shownPage?{strong:String(i+1)}:{link:reportUrl(env,report,{
[PARAM.page]:String(i+1),selectedtab:'custpage_tab_errors'}),text:String(i+1)}])
const file={kind:'fields',id:'custpage_grp_report',label:'Report file',fields:[...pages>1?[{id:'custpage_report_pages',
label:'Pages',value:joined(pageLinks,' ')}]:[],{id:'custpage_report_download',label:'Download',value:[{
link:reportUrl(env,report,{[PARAM.download]:'T'}),text:`${report.name} (CSV)`}]}]}
return[reportTable(report,reportError,pages,shownPage),file]}function reportTable(report,reportError,pages,shownPage){
const first=(shownPage-1)*REPORT_PAGE_ROWS
return{kind:'table',id:'custpage_report',
label:report?`Report ${REPORT_FOLDERS[report.folder]}/${report.name} (read from SFTP, ${plural(report.rows.length,'row')}${pages>1?`; rows ${(first+1).toLocaleString('en-US')}\u2013${Math.min(first+REPORT_PAGE_ROWS,report.rows.length).toLocaleString('en-US')}`:''})`:'Report',
columns:(report?.header.length?report.header:['problem']).map((h,i)=>({id:`c${i}`,label:h})),
rows:report?report.rows.slice(first,first+REPORT_PAGE_ROWS):[[reportError??'']],empty:'The report is empty.'}}
function errorsTab({src,env},code,report,reportError,page=1){const runs=src.runsWithErrors(10)
const{rows,omitted}=errorRowsOf(runs)
const{codes,total}=codeCounts(runs)
const shown=rows.filter(r=>!code||r.errorCode===code).slice(0,100)
const customers=src.customersByHcId([...new Set(shown.map(r=>r.hcCustomerId).filter(Boolean))])
const causes={kind:'table',id:'custpage_err_causes',label:'Rejected rows by cause (the last 10 runs with errors)',
columns:[{id:'code',label:'Code'},{id:'rows',label:'Rows'},{id:'fix',label:'What to do'}],
rows:byCount(codes).map(([c,k])=>[c,k.toLocaleString('en-US'),fixFor(c)]),empty:'No rejected rows.'}
const blocks=[filterBlock(env,code,codes,total,omitted),causes,errorRowsTable(env,code,shown,customers),...reportBlocks(env,report,reportError,page)]
return{id:'custpage_tab_errors',label:'Errors',blocks}}function cursorFields({src,env}){const state=src.exportState()
const cursor=state?.committed
const pending=Object.entries(state?.pending??{})
return[{id:'custpage_exp_stamp',label:'Customers stamped after',
value:cursor?cursor.stampAfter?env.time(cursor.stampAfter):'the beginning':'No export has run yet'},{
id:'custpage_exp_pending',label:'Runs selecting now',
value:pending.length?pending.map(([d,p])=>`${d} (started ${env.time(p.startedAt)}, up to ${env.time(p.stampUpTo)})`).join('; '):'none'
}]}function historicalStatus(h){if(h.status===null)return'Not run yet (no "Historical Shopify Customer CSV" folder)'
if(!h.state)return h.status||'Folder created, no export recorded'
return h.state.done?`Finished: ${h.state.exported.toLocaleString('en-US')} customers in ${h.state.nextPart-1} part(s)`:`In progress: ${h.state.exported.toLocaleString('en-US')} customers exported, next part ${h.state.nextPart}`
}function historicalFields({runsByScript,env},h){
const genRuns=runsByScript.get(HC_CustomerSyncLib.GENERATE_HISTORICAL_CSV.scriptId)??[]
const fields=[{id:'custpage_hist_status',label:'Historical export',value:historicalStatus(h)},{id:'custpage_hist_parts',
label:'Parts',value:`${h.waiting.length} waiting for upload, ${h.archived.length} uploaded (archived)`}]
if(genRuns[0])fields.push({id:'custpage_hist_last',label:'Last run',
value:`${env.time(genRuns[0].ended)}: ${outcomeText('generate',genRuns[0].summary)}`})
return fields}
const sentFiles=({runsByScript},env)=>(runsByScript.get(HC_CustomerSyncLib.EXPORT_CUSTOMER_IDS.scriptId)??[]).flatMap(r=>(Array.isArray(r.summary.files)?r.summary.files:[]).map(f=>[f,env.time(r.ended),String(n(r.summary.exported))]))
function exportsTab(d){const fields=cursorFields(d)
const h=d.src.historical()
const parts=[...h.waiting.map(f=>({...f,where:'waiting for upload'})),...h.archived.map(f=>({...f,
where:'uploaded, archived'}))].sort((a,b)=>a.name<b.name?-1:1)
return{id:'custpage_tab_exports',label:'Id export and historical export',blocks:[{kind:'fields',
id:'custpage_grp_cursor',label:'Id export cursor (checkpoint "id-export")',fields},{kind:'table',id:'custpage_sent',
label:'Last files sent to customer/import/',columns:[{id:'file',label:'File'},{id:'when',label:'Sent'},{id:'ids',
label:'Customer ids in the run'}],rows:sentFiles(d,d.env).slice(0,10),empty:'No file sent in the recorded runs.'},{
kind:'fields',id:'custpage_grp_hist',label:'Historical export',fields:historicalFields(d,h)},{kind:'table',
id:'custpage_parts',label:'Historical export parts',columns:[{id:'name',label:'File'},{id:'size',label:'Bytes'},{
id:'where',label:'Where'},{id:'created',label:'Written'}],
rows:parts.map(p=>[p.name,p.size.toLocaleString('en-US'),p.where,p.created?d.env.time(p.created):'']),
empty:'No part written yet.'}]}}function inProgressFields(state,env){const lease=state?.lease
const leaseText=lease?`${lease.deploymentId}${lease.scriptId?` (${scriptName(lease.scriptId)})`:''} (lease until ${env.time(lease.until)})`:'none (the next run continues)'
const fields=state?.file?[{id:'custpage_feed_current',label:'Feed in progress',value:state.file},{
id:'custpage_feed_line',label:'Last line handled',value:String(state.line)},{id:'custpage_feed_counts',label:'So far',
value:`${state.counts.created} created, ${state.counts.linked} linked, ${state.counts.alreadyLinked} already linked, ${state.counts.errors} errors`
},{id:'custpage_feed_lease',label:'Importing deployment',value:leaseText}]:[{id:'custpage_feed_current',
label:'Feed in progress',
value:state?.handoff?.feeds.length?'None on the scheduled path: the feeds below are handed to HC_MR_ImportCustomer':'None: every feed read so far is finished'
}]
if(state?.handoff?.feeds.length){fields.push({id:'custpage_feed_handoff',label:'Handed to HC_MR_ImportCustomer',
value:handedFeeds(state.handoff)})
if(!state.file)fields.push({id:'custpage_feed_lease',label:'Importing deployment',value:leaseText})}return fields}
function waitingBlock(env,waiting,waitingError){const listUrl=env.pageUrl({[PARAM.listFeeds]:'T',
selectedtab:'custpage_tab_feeds'})
if(waiting===null){return{kind:'fields',id:'custpage_grp_waiting',label:'Waiting in customer/export/',fields:[{
id:'custpage_waiting_link',label:'Waiting feeds',value:[...waitingError?[{bad:waitingError},{br:true
}]:[],'Read live from the SFTP server on request: ',{link:listUrl,text:'List the waiting feeds'}]}]}}return{
kind:'table',id:'custpage_waiting',label:`Waiting in customer/export/ (listed ${env.time(env.now)})`,columns:[{
id:'name',label:'Feed'},{id:'size',label:'Bytes'},{id:'modified',label:'Last modified'},{id:'check',label:'Check it'}],
rows:waiting.map(w=>[w.name,w.size.toLocaleString('en-US'),env.time(w.lastModified),{button:{name:PARAM.dryRunFeed,
value:w.name,label:'Dry run'}}]),empty:'No feed is waiting.'}}function finishedFeeds(importRuns){const finished=[]
for(const r of importRuns){if(r.summary.dryRun)continue
const files=Array.isArray(r.summary.fileResults)?r.summary.fileResults:[]
for(const f of files)if(f.outcome==='archived'||f.outcome==='failed')finished.push({when:r.ended,f,
by:scriptName(r.scriptId)})}return finished}function errorsCell(env,f){
if(!f.counts?.errors||!f.errorReports?.length)return'0'
return f.errorReports.flatMap((r,i,all)=>[...i?[' ']:[],{link:env.pageUrl({[PARAM.report]:r,
selectedtab:'custpage_tab_errors'}),
text:all.length===1?`${f.counts.errors} (report)`:i===0?`${f.counts.errors} (report part 1)`:`part ${i+1}`}])}
const FINISHED_COLUMNS=[{id:'name',label:'Feed'},{id:'when',label:'Finished'},{id:'moved',label:'Moved as'},{
id:'created',label:'Created'},{id:'linked',label:'Linked'},{id:'already',label:'Already linked'},{id:'errors',
label:'Errors'},{id:'by',label:'Imported by'}]
function finishedTable(env,finished,outcome){return{kind:'table',id:`custpage_${outcome}`,
label:outcome==='archived'?'Last archived feeds (customer/export/archive/)':'Last failed feeds (customer/export/failed/)',
columns:FINISHED_COLUMNS,
rows:finished.filter(x=>x.f.outcome===outcome).slice(0,10).map(({when,f,by})=>[f.name,env.time(when),f.movedTo??'',String(f.counts?.created??0),String(f.counts?.linked??0),String(f.counts?.alreadyLinked??0),errorsCell(env,f),by]),
empty:`No feed ${outcome} in the recorded runs.`}}function feedsTab({src,env,importRuns},waiting,waitingError){
const finished=finishedFeeds(importRuns)
const blocks=[{kind:'fields',id:'custpage_grp_inprogress',label:'In progress (import checkpoint)',
fields:inProgressFields(src.importState(),env)
},waitingBlock(env,waiting,waitingError),finishedTable(env,finished,'archived'),finishedTable(env,finished,'failed')]
return{id:'custpage_tab_feeds',label:'Feeds',blocks}}function nextRuns({env,deployments,instances},s){
const queued=instances.filter(i=>i.scriptId===s.scriptId&&(i.status==='PENDING'||i.status==='PROCESSING'))
const next=queued.map(q=>`${INSTANCE_STATUS_LABEL[q.status]??q.status} on ${q.deploymentId} (${q.stage&&q.status==='PROCESSING'?`${stageLabel(q.stage)} stage; `:''}queued ${env.time(q.created)})`)
for(const d of deployments.filter(x=>x.scriptId===s.scriptId)){const every=SHIPPED_REPEAT_MINUTES[d.deploymentId]
if(d.status==='SCHEDULED'&&d.isDeployed&&every)next.push(`${d.deploymentId}: every ${every} minutes, next at ${env.time(nextQuarter(env.now,every))}`)
}if(next.length===0)next.push('idle'in s?s.idle:'Nothing scheduled: runs when started by hand or by HotWax')
return next}
const deploymentState=d=>!d.isDeployed?'Not deployed (paused)':d.status!=='SCHEDULED'&&SHIPPED_REPEAT_MINUTES[d.deploymentId]?`Paused (${DEPLOYMENT_STATUS_LABEL[d.status]??d.status}; ships scheduled every ${SHIPPED_REPEAT_MINUTES[d.deploymentId]} minutes)`:DEPLOYMENT_STATUS_LABEL[d.status]??d.status
const outcomeOf=(s,r)=>s.key==='import_mr'&&r.outcome==='rescheduled'?'complete':r.outcome
function noRunText({env,importRuns},s,runs){const family=IMPORT_SCRIPT_IDS.includes(s.scriptId)?importRuns:runs
const oldest=family.length>=IMPORT_RUNS?family[family.length-1]:undefined
return oldest?`None among the last ${plural(family.length,'import run')} recorded (since ${env.time(oldest.ended)})`:'No run recorded in the last 30 days'
}
const errorOrOutcome=(s,r)=>runError(r)?`${runError(r)?.code??''}: ${runError(r)?.message??''}`:outcomeText(s.key,r.summary)
function lastRunFields(d,s,runs){const{env}=d
const mine=d.instances.filter(i=>i.scriptId===s.scriptId)
const lastInstance=mine.find(i=>i.status==='COMPLETE'||i.status==='FAILED')
const lastRun=runs[0]
const lastFailed=lastInstance?lastInstance.status==='FAILED':lastRun?.outcome==='failed'
const lastText=lastRun?`${env.time(lastRun.ended)}, ${outcomeOf(s,lastRun)}: ${runError(lastRun)?`${runError(lastRun)?.code}: ${runError(lastRun)?.message}`:outcomeText(s.key,lastRun.summary)}`:noRunText(d,s,runs)
const failed=lastFailed?[{bad:'Yes'
},...lastInstance?.status==='FAILED'?[` (script instance failed ${env.time(lastInstance.ended??lastInstance.created)}; see the deployment's execution log)`]:[]]:[lastRun||lastInstance?'No':'\u2014']
return[{id:`custpage_${s.key}_last`,label:'Last run',value:lastText},{id:`custpage_${s.key}_failed`,
label:'Last run failed',value:failed}]}function scriptFields(d,s,runs,handoff){
const deps=d.deployments.filter(x=>x.scriptId===s.scriptId)
const deploymentLines=deps.map(x=>[`${x.deploymentId}: ${deploymentState(x)}`])
const fields=[{id:`custpage_${s.key}_deployments`,label:'Deployments',
value:deploymentLines.length?joined(deploymentLines,{br:true}):['none found']},...lastRunFields(d,s,runs),{
id:`custpage_${s.key}_next`,label:'Next',value:joined(nextRuns(d,s).map(x=>[x]),{br:true})}]
if(s.key==='import_mr')fields.unshift({id:'custpage_import_mr_handoff',label:'Feeds handed over',
value:handoff?.feeds.length?`${handedFeeds(handoff)}; submitted ${plural(handoff.attempts,'time')}`:'none: HC_SC_ImportCustomer imports the waiting feeds itself'
})
if(s.key==='import'||s.key==='export')fields.push({id:`custpage_${s.key}_runnow`,label:'Run now',value:[{button:{
name:PARAM.run,value:s.key==='import'?ACTIONS.runImport:ACTIONS.runExport,label:`Run ${s.name} now`}
},` on ${ON_DEMAND[s.key].deploymentId}, as HotWax starts it`]})
return fields}function runsTable(d,s,runs){return{kind:'table',id:`custpage_runs_${s.key}`,
label:`${s.title}: last runs (${s.name})`,columns:[{id:'ended',label:'Ended'},{id:'deployment',label:'Deployment'},{
id:'outcome',label:'Outcome'},{id:'counts',label:'What it did'},{id:'units',label:'Units used'},{id:'rescheduled',
label:s.key==='import_mr'?'Queued HC_SC_ImportCustomer':'Rescheduled'}],
rows:runs.slice(0,5).map(r=>[d.env.time(r.ended),r.deploymentId,r.outcome==='failed'?{bad:'failed'
}:outcomeOf(s,r),errorOrOutcome(s,r),r.summary.unitsUsed===undefined?'\u2014':n(r.summary.unitsUsed).toLocaleString('en-US'),r.summary.rescheduled?'Yes':'No']),
empty:`${noRunText(d,s,runs)}.`}}function overviewTab(d){const handoff=d.src.importState()?.handoff
const blocks=[]
for(const s of SYNC_SCRIPTS){const runs=d.runsByScript.get(s.scriptId)??[]
blocks.push({kind:'fields',id:`custpage_grp_${s.key}`,label:`${s.title} (${s.name}${'about'in s?`, ${s.about}`:''})`,
fields:scriptFields(d,s,runs,handoff)},runsTable(d,s,runs))}return{id:'custpage_tab_overview',label:'Overview',blocks}}
function settingsTab(src){let values=null
let problem=''
try{values=src.importSettings()}catch(e){problem=`Cannot read the company preferences: ${e?.message??String(e)}`}return{
id:'custpage_tab_settings',label:'Settings',blocks:[{kind:'fields',id:'custpage_grp_settings',
label:'Customer import settings, in effect for every deployment',fields:[{id:'custpage_set_where',
label:'Where to change them',value:SETTINGS_WHERE},...problem?[{id:'custpage_set_problem',label:'Problem',value:problem
}]:[],...IMPORT_COMPANY_SETTINGS.map(x=>{const v=values?.[x.id]??''
const shown=x.id.endsWith('match_by_email')?v==='T'?'Yes':'No':v||`(empty: ${x.empty})`
return{id:`custpage_set_${x.id.split('_imp_')[1]}`,label:`${x.label} (${x.id})`,value:shown}})]}]}}
const ACTIONS_HELP='Choose an action (and, for a dry run, a waiting feed: list them on the Feeds tab first), then "Run the action chosen on the Actions tab"; '+'the same actions sit beside what they act on: Run now on the Overview, Dry run in each waiting feed\u2019s row. '+'The import and the id export run on their on-demand deployments, as HotWax starts them. '+'HC_MR_ImportCustomer has no action: only HC_SC_ImportCustomer starts it, when it hands over a backlog '+'(run the import now and it decides). A dry run '+'checks one feed and writes customer/export/dry_run/&lt;feed&gt;-dry-run.csv, nothing else. The SFTP '+'test connects with the HC SFTP Configuration record, as the scripts do.'
function actionsTab(message,details){const blocks=[{kind:'fields',id:'custpage_grp_actions_help',label:'Actions',
fields:[{id:'custpage_actions_help',label:'How',value:[{markup:ACTIONS_HELP}]}]}]
if(details)blocks.push({kind:'table',id:'custpage_action_details',label:message?`Result: ${message.title}`:'Result',
columns:[{id:'what',label:'Check'},{id:'result',label:'Result'},{id:'detail',label:'Detail'}],rows:details,empty:''})
return{id:'custpage_tab_actions',label:'Actions',blocks}}function contentDisposition(name){
const ascii=name.replace(/[^A-Za-z0-9._() -]/g,'_')
const exact=encodeURIComponent(name).replace(/['()*]/g,c=>`%${c.charCodeAt(0).toString(16).toUpperCase()}`)
return`attachment; filename="${ascii}"; filename*=UTF-8''${exact}`}function reportRequest(name,folder){
const f=folder==='dry_run'?'dry_run':'error'
if(!/^[^/\\]+\.csv$/i.test(name)||name.startsWith('.'))return null
return{folder:f,name}}function finishedHistoricalRun(h){const r=h.state?.done?h.state.run:undefined
if(!r)return[]
const{scriptId,deploymentId}=HC_CustomerSyncLib.GENERATE_HISTORICAL_CSV
const summary={exportedThisExecution:r.exported,exportedTotal:h.state.exported,partsWritten:Array.from({length:r.parts
},()=>''),duplicates:r.duplicates,unitsUsed:r.unitsUsed,rescheduled:false}
return[{id:'folder',scriptId,deploymentId,ended:r.ended,outcome:'complete',errorCount:0,summary}]}
function withExportRuns(src,scriptId,records){
if(scriptId!==HC_CustomerSyncLib.EXPORT_CUSTOMER_IDS.scriptId)return records
const kept=(src.exportState()?.lastRuns??[]).map(({deploymentId,ended,...summary},i)=>({id:`checkpoint-${i}`,scriptId,
deploymentId,ended,outcome:'complete',errorCount:0,summary}))
return[...records,...kept].sort((a,b)=>b.ended-a.ended).slice(0,10)}function pageData(src,env){
const runsByScript=new Map
const importRuns=src.runs(IMPORT_SCRIPT_IDS,IMPORT_RUNS)
const deployments=src.deployments()
const instances=instanceRuns(src.instances())
for(const s of SYNC_SCRIPTS)runsByScript.set(s.scriptId,withInstanceFailures(IMPORT_SCRIPT_IDS.includes(s.scriptId)?importRuns.filter(r=>r.scriptId===s.scriptId):s.scriptId===HC_CustomerSyncLib.GENERATE_HISTORICAL_CSV.scriptId?[...finishedHistoricalRun(src.historical()),...src.runs([s.scriptId],10)].sort((a,b)=>b.ended-a.ended):withExportRuns(src,s.scriptId,src.runs([s.scriptId],10)),instances,s.scriptId))
return{src,env,runsByScript,importRuns,deployments,instances}}const problem=e=>e?.message??String(e)
function sftpReads(deps,view){let waiting=null
let waitingError=null
if(view.listFeeds){try{waiting=deps.listWaiting()}catch(e){waitingError=`Cannot list customer/export/: ${problem(e)}`}}
let report=null
let reportError=null
if(view.report){const where=REPORT_FOLDERS[view.report.folder]
try{const rows=deps.parseCsv(deps.readReport(where,view.report.name))
report={...view.report,header:rows[0]??[],rows:rows.slice(1)}}catch(e){
reportError=`Cannot read ${where}/${view.report.name}: ${problem(e)}`}}return{waiting,waitingError,report,reportError}}
function pageView(deps,view,result){const d=pageData(deps.sources,deps.env)
const{waiting,waitingError,report,reportError}=sftpReads(deps,view)
const zone=deps.env.zone?`your NetSuite time zone, ${deps.env.zone}`:'your NetSuite time zone'
return{title:'HotWax Customer Sync',message:result?.message??null,health:healthRows(d),
zoneNote:`Times are in ${zone} (Home > Set Preferences); file names carry UTC.`,
tabs:[overviewTab(d),feedsTab(d,waiting,waitingError),errorsTab(d,view.code,report,reportError,view.page??1),exportsTab(d),settingsTab(d.src),actionsTab(result?.message??null,result?.details??null)],
actions:{feeds:(waiting??[]).map(w=>w.name),csrf:deps.csrf}}}function buildPage(deps,view,result){
return renderPage(pageView(deps,view,result))}function csrfMatches(expected,posted){
if(!expected||!posted||expected.length!==posted.length)return false
let diff=0
for(let i=0;i<expected.length;i++)diff|=expected.charCodeAt(i)^posted.charCodeAt(i)
return diff===0}function refusedForToken(){return{message:{kind:'error',title:'Refused',
text:'The request did not carry this page\u2019s security token (it may come from another site, or the page is old). Nothing was done. Open the page again and retry.'
},details:null}}const failed=(deps,title,e)=>{const{code,message}=deps.describeError(e)
return{message:{kind:'error',title,text:`${code}: ${message}`},details:null}}
function runNow(deps,action){const isImport=action===ACTIONS.runImport
const which=isImport?ON_DEMAND.import:ON_DEMAND.export
const label=isImport?'HC_SC_ImportCustomer':'HC_MR_ExportedCustomerCSV'
try{const taskId=deps.submit(isImport?'scheduled':'mapreduce',which.scriptId,which.deploymentId)
return{message:{kind:'confirmation',title:`${label} queued`,
text:`Submitted ${label} on deployment ${which.deploymentId} (task ${taskId}). It runs when a processor is free; its result appears on the Overview tab.`
},details:null}}catch(e){return failed(deps,`${label} not queued`,e)}}function dryRun(deps,feed){if(!feed)return{
message:{kind:'warning',title:'Choose a feed',
text:'List the waiting feeds (Feeds tab), choose one in "Feed", then run the dry run.'},details:null}
try{const r=deps.dryRun(feed)
const c=r.counts
return{message:{kind:r.checked?'confirmation':'warning',title:`Dry run of ${feed}`,
text:`${r.note} Would create ${c.created??0}, link ${c.linked??0}, already linked ${c.alreadyLinked??0}, errors ${c.errors??0}.${r.report?` Verdicts: customer/export/dry_run/${r.report}.`:''} No customer was written.`
},
details:[['Would create',String(c.created??0),''],['Would link',String(c.linked??0),''],['Already linked',String(c.alreadyLinked??0),''],['Errors',String(c.errors??0),r.report?`customer/export/dry_run/${r.report}`:'']]
}}catch(e){return failed(deps,`Dry run of ${feed} failed`,e)}}function testSftp(deps){try{const r=deps.testSftp()
const bad=r.checks.filter(c=>!c.ok)
return{message:{kind:r.ok?'confirmation':'error',title:r.ok?'SFTP connection works':'SFTP connection has problems',
text:r.ok?`Host key accepted, logged in, every folder of the layout is there and writable (${r.checks.length} checks).`:`${bad.length} of ${r.checks.length} checks failed. ${bad.slice(0,3).map(c=>`${c.what}: ${c.detail}`).join(' ')}`
},details:r.checks.map(c=>[c.what,c.ok?'OK':'FAILED',c.detail])}}catch(e){return failed(deps,'SFTP test failed',e)}}
function runAction(deps,action,params){
if(action===ACTIONS.runImport||action===ACTIONS.runExport)return runNow(deps,action)
if(action===ACTIONS.dryRun)return dryRun(deps,params.feed)
if(action===ACTIONS.testSftp)return testSftp(deps)
return{message:{kind:'warning',title:'No action',
text:action?`Unknown action "${action}": nothing was done.`:'Choose an action first: nothing was done.'},details:null}}
const HISTORICAL_FOLDER='Historical Shopify Customer CSV'
const HISTORICAL_ARCHIVE='Archive Historical Shopify Customer'
const STATE_MARK=' State: '
function dateValue(m,v){if(v===null||v===undefined||v==='')return null
if(v instanceof Date)return v.getTime()
try{const d=m.format.parse({value:String(v),type:m.format.Type.DATETIME})
return d instanceof Date&&!isNaN(d.getTime())?d.getTime():null}catch{return null}}class NetSuiteStatusSources{
constructor(m){this.m=m
this.checkpoints=null
this.historicalInfo=null}deployments(){const{search}=this.m
const ids=SYNC_SCRIPTS.map(s=>s.scriptId)
const filters=[]
for(const id of ids){if(filters.length)filters.push('OR')
filters.push(['script.scriptid','is',id])}return search.create({type:'scriptdeployment',filters,
columns:[search.createColumn({name:'scriptid',join:'script'}),search.createColumn({name:'scriptid',sort:search.Sort.ASC
}),'title','status','isdeployed']}).run().getRange({start:0,end:100}).map(r=>({scriptId:String(r.getValue({
name:'scriptid',join:'script'})??'').toLowerCase(),deploymentId:String(r.getValue({name:'scriptid'})??'').toLowerCase(),
title:String(r.getValue({name:'title'})??''),status:String(r.getValue({name:'status'})??'').toUpperCase(),
isDeployed:r.getValue({name:'isdeployed'})===true||r.getValue({name:'isdeployed'})==='T'}))}instances(){
const{search}=this.m
const filters=[]
for(const s of SYNC_SCRIPTS){if(filters.length)filters.push('OR')
filters.push(['script.scriptid','is',s.scriptId])}return search.create({type:'scheduledscriptinstance',filters,
columns:[search.createColumn({name:'internalid',sort:search.Sort.DESC}),'datecreated',search.createColumn({
name:'scriptid',join:'script'}),search.createColumn({name:'scriptid',join:'scriptdeployment'
}),'status','enddate','taskid','mapreducestage']}).run().getRange({start:0,end:1e3}).map(r=>({
scriptId:String(r.getValue({name:'scriptid',join:'script'})??'').toLowerCase(),deploymentId:String(r.getValue({
name:'scriptid',join:'scriptdeployment'})??'').toLowerCase(),status:String(r.getValue({name:'status'
})??'').toUpperCase(),created:dateValue(this.m,r.getValue({name:'datecreated'}))??0,ended:dateValue(this.m,r.getValue({
name:'enddate'})),taskId:String(r.getValue({name:'taskid'})??''),stage:String(r.getValue({name:'mapreducestage'})??'')
}))}importSettings(){return importSettings(this.m)}runs(scriptIds,count){return latestRuns(this.m.search,{scriptIds
},count)}runsWithErrors(count){return latestRuns(this.m.search,{scriptIds:IMPORT_SCRIPT_IDS,withErrors:true},count)}
checkpoint(key){if(!this.checkpoints){const{search}=this.m
this.checkpoints=new Map
const rows=search.create({type:HC_CustomerSyncLib.CHECKPOINT_RECORD.type,filters:[['isinactive','is','F']],
columns:[search.createColumn({name:'internalid',sort:search.Sort.ASC
}),HC_CustomerSyncLib.CHECKPOINT_RECORD.key,HC_CustomerSyncLib.CHECKPOINT_RECORD.state]}).run().getRange({start:0,
end:100})
for(const r of rows){const k=String(r.getValue({name:HC_CustomerSyncLib.CHECKPOINT_RECORD.key})??'')
if(this.checkpoints.has(k))continue
try{this.checkpoints.set(k,JSON.parse(String(r.getValue({name:HC_CustomerSyncLib.CHECKPOINT_RECORD.state})||'null')))
}catch{this.checkpoints.set(k,null)}}}return this.checkpoints.get(key)??null}importState(){
return this.checkpoint('import')}exportState(){return this.checkpoint('id-export')}historical(){
return this.historicalInfo??=this.readHistorical()}readHistorical(){const{search}=this.m
const folders=search.create({type:'folder',
filters:[['name','is',HISTORICAL_FOLDER],'OR',['name','is',HISTORICAL_ARCHIVE]],columns:[search.createColumn({
name:'internalid',sort:search.Sort.ASC}),'name','description']}).run().getRange({start:0,end:10})
const out=folders.find(f=>f.getValue({name:'name'})===HISTORICAL_FOLDER)
const archive=folders.find(f=>f.getValue({name:'name'})===HISTORICAL_ARCHIVE)
const info={status:null,state:null,waiting:[],archived:[]}
if(out){const d=String(out.getValue({name:'description'})??'')
const at=d.indexOf(STATE_MARK)
info.status=at>=0?d.slice(0,at):d
if(at>=0)try{info.state=JSON.parse(d.slice(at+STATE_MARK.length))}catch{info.state=null}}
const ids=[out,archive].filter(f=>!!f).map(f=>String(f.id))
if(ids.length===0)return info
const files=search.create({type:'file',filters:[['folder','anyof',ids]],columns:[search.createColumn({name:'name',
sort:search.Sort.ASC}),'folder','documentsize','created']}).run().getRange({start:0,end:1e3})
for(const f of files){const item={id:String(f.id),name:String(f.getValue({name:'name'})??''),size:Number(f.getValue({
name:'documentsize'}))*1024||0,created:dateValue(this.m,f.getValue({name:'created'}))??0}
if(!HC_CustomerSyncLib.isCsv(item.name))continue
if(out&&String(f.getValue({name:'folder'}))===String(out.id))info.waiting.push(item)
else info.archived.push(item)}return info}customersByHcId(hcIds){const out=new Map
if(hcIds.length===0)return out
const filters=[]
for(const id of hcIds.slice(0,100)){if(filters.length)filters.push('OR')
filters.push([HC_CustomerSyncLib.CUSTOMER_FIELDS.hcCustomerId,'is',id])}const rows=this.m.search.create({
type:'customer',filters,columns:[this.m.search.createColumn({name:'internalid',sort:this.m.search.Sort.ASC
}),HC_CustomerSyncLib.CUSTOMER_FIELDS.hcCustomerId]}).run().getRange({start:0,end:1e3})
for(const r of rows){const hc=String(r.getValue({name:HC_CustomerSyncLib.CUSTOMER_FIELDS.hcCustomerId})??'')
if(hc&&!out.has(hc))out.set(hc,String(r.id))}return out}}function listWaitingFeeds(client){
return client.listCsv(HC_CustomerSyncLib.SFTP_FOLDERS.customerFeed).map(f=>({name:f.name,size:f.size,
lastModified:f.lastModified.getTime()}))}const IMPORT_SCRIPT_ID=HC_CustomerSyncLib.IMPORT_CUSTOMER.scriptId
function importSettings(m){const prefs=m.config.load({type:m.config.Type.COMPANY_PREFERENCES})
const out={}
for(const id of IMPORT_COMPANY_SETTINGS.map(x=>x.id)){const v=prefs.getValue({fieldId:id})
out[id]=v===true?'T':v===false?'F':v===null||v===undefined?'':String(v)}return out}
function dryRunOneFeed(m,client,feed,reserve){
const feeds=HC_CustomerSyncLib.customerFeedFolder(client,HC_CustomerSyncLib.SFTP_FOLDERS.customerFeed)
const waiting=feeds.list().filter(f=>f.name===feed)
if(waiting.length===0)throw new HC_CustomerSyncLib.SyncError(HC_CustomerSyncLib.SYNC_ERROR_CODES.feedNotWaiting,`${feed} is not waiting in ${HC_CustomerSyncLib.SFTP_FOLDERS.customerFeed}/ (any more)`)
const params=importSettings(m)
const budget=new HC_CustomerSyncLib.GovernanceBudget({remaining:()=>m.script.getRemainingUsage()},reserve,{
limit:HC_CustomerSyncLib.TIME_LIMITS.suitelet,clock:{now:()=>Date.now()}})
const summary=HC_CustomerSyncLib.runCustomerImport({feeds:{...feeds,list:()=>waiting},
customers:new HC_CustomerSyncLib.NetSuiteCustomerStore(m),checkpoint:new HC_CustomerSyncLib.CheckpointStore(m,'import'),
budget,now:()=>Date.now(),log:{audit:()=>undefined,error:()=>undefined},
leaseHolderRunning:lease=>lease.scriptId?HC_CustomerSyncLib.deploymentIsRunning(m.search,lease.scriptId,lease.deploymentId,HC_CustomerSyncLib.QUEUED_OR_ALIVE):HC_CustomerSyncLib.deploymentIsRunning(m.search,IMPORT_SCRIPT_ID,lease.deploymentId)
},{oneWorld:m.runtime.isFeatureInEffect({feature:'SUBSIDIARIES'}),
defaultSubsidiary:params.custscript_hc_imp_default_subsidiary??'',
fieldMap:HC_CustomerSyncLib.parseFieldMap('custscript_hc_imp_field_map',params.custscript_hc_imp_field_map??''),
matchByEmail:params.custscript_hc_imp_match_by_email==='T',dryRun:true,batchSize:50,
executionId:`${m.script.deploymentId}-${Date.now()}-${HC_CustomerSyncLib.uniqueSuffix()}`,
deploymentId:m.script.deploymentId,restampAfterMs:60*60*1e3})
if(summary.skipped)throw new HC_CustomerSyncLib.SyncError(HC_CustomerSyncLib.SYNC_ERROR_CODES.dryRunNotChecked,`not checked: ${summary.skipped}`)
const f=summary.files[0]
return{checked:!!f&&f.outcome==='checked'&&!summary.paused,counts:{...f?.counts??summary.totals},
report:f?.dryRunReport??null,
note:summary.paused?'Checked as far as one page request allows (1,000 units); the rest is marked unchecked in the verdicts.':'Every row checked.'
}}const failedCheck=(what,prefix,e)=>{const{code,message}=HC_CustomerSyncLib.describeError(e)
return{what,ok:false,detail:`${prefix}${code}: ${message}`}}
function sftpLayout(){const folders=new Set
for(const leaf of Object.values(HC_CustomerSyncLib.SFTP_FOLDERS)){const parts=leaf.split('/')
for(let i=1;i<=parts.length;i++)folders.add(parts.slice(0,i).join('/'))}const parents=new Map
for(const f of[...folders].sort()){const i=f.lastIndexOf('/')
const parent=i<0?'.':f.slice(0,i)
parents.set(parent,[...parents.get(parent)??[],f])}return{folders,parents}}
function checkFolders(c,m,directory,parents,checks){const missing=new Set
for(const[parent,children]of parents){if(missing.has(parent)){for(const ch of children)missing.add(ch)
continue}let names
try{names=new Set(c.list({path:parent,sort:m.sftp.Sort.NAME}).filter(e=>e.directory).map(e=>e.name))}catch(e){
checks.push(failedCheck(parent==='.'?directory:parent,'cannot list: ',e))
for(const ch of children)missing.add(ch)
continue}for(const ch of children){const ok=names.has(ch.slice(ch.lastIndexOf('/')+1))
if(!ok)missing.add(ch)
checks.push({what:`${ch}/`,ok,detail:ok?'folder exists':'folder does not exist'})}}return missing}
function probeWrite(c,m,dir,archiveThere){const name=`.hc-sftp-check-${HC_CustomerSyncLib.uniqueSuffix()}.tmp`
const archive=`${dir}/archive`
const to=archiveThere?`${archive}/${name}`:`${dir}/${name}.moved`
let stage='write'
try{c.upload({directory:dir,filename:name,file:m.file.create({name,fileType:m.file.Type.PLAINTEXT,
contents:'hc sftp check\n'}),replaceExisting:true})
stage='move'
c.move({from:`${dir}/${name}`,to})
stage='delete'
c.removeFile({path:to})
return{what:`write in ${dir}/`,ok:true,
detail:`wrote, moved${to.startsWith(archive)?' into archive/':''} and deleted a probe file`}}catch(e){
for(const p of[`${dir}/${name}`,to])try{c.removeFile({path:p})}catch{}
return failedCheck(`write in ${dir}/`,`cannot ${stage} a probe file: `,e)}}function testSftpConnection(m,settings){
const checks=[]
let s
try{s=settings()}catch(e){checks.push(failedCheck('settings','',e))
return{ok:false,checks}}checks.push({what:'settings',ok:true,
detail:`HC SFTP Configuration record ${s.recordId}: ${s.username}@${s.host}:${s.port} ${s.directory}, credential ${s.credential.kind==='secret'?'API secret':'SSH key'} ${s.credential.id}`
})
let c
try{c=HC_CustomerSyncLib.openConnection(m.sftp,s)}catch(e){checks.push(failedCheck('host key and login','',e))
return{ok:false,checks}}checks.push({what:'host key',ok:true,detail:'the server presented the configured host key'})
checks.push({what:'login',ok:true,detail:`logged in as ${s.username}`})
const{folders,parents}=sftpLayout()
const missing=checkFolders(c,m,s.directory,parents,checks)
for(const dir of[HC_CustomerSyncLib.SFTP_FOLDERS.customerFeedError,HC_CustomerSyncLib.SFTP_FOLDERS.partyIdentifications,HC_CustomerSyncLib.SFTP_FOLDERS.historical]){
const archive=`${dir}/archive`
if(!missing.has(dir))checks.push(probeWrite(c,m,dir,folders.has(archive)&&!missing.has(archive)))}return{
ok:checks.every(x=>x.ok),checks}}
const STYLE=`<style>\n.hc-msg{margin:6px 0 10px;padding:8px 12px;border:1px solid;border-radius:3px;font-size:13px;max-width:1100px}\n.hc-msg-confirmation{background:#e6f4e1;border-color:#8ec07c}\n.hc-msg-information{background:#e8f0fb;border-color:#8fb1e3}\n.hc-msg-warning{background:#fdf5d9;border-color:#e1c15a}\n.hc-msg-error{background:#fbe6e4;border-color:#e39b94}\n.hc-bad{color:#b3261e;font-weight:bold}\n.hc-label{font-size:11px;color:#6f6f6f;text-transform:uppercase;letter-spacing:.3px;margin:3px 0 2px}\n.hc-value{font-size:13px;color:#000;line-height:18px}\n.hc-health{border-collapse:collapse;margin:4px 0 8px;font-size:13px;max-width:1360px}\n.hc-health th{background:#e5e5e5;text-align:left;padding:4px 8px;font-size:11px;text-transform:uppercase;color:#444}\n.hc-health td{border-top:1px solid #ddd;padding:5px 8px;vertical-align:top}\n.hc-state{font-weight:bold;white-space:nowrap;padding:1px 6px;border-radius:3px}\n.hc-healthy{background:#dff0d8;color:#256029}.hc-attention{background:#fdf0c8;color:#7a5400}\n.hc-failing{background:#f8d7d4;color:#9b1c14}.hc-not-run-yet{background:#e8eef7;color:#2b4c7e}\n.hc-zone{font-size:11px;color:#666}\n.hc-btn{font-size:12px;padding:2px 10px;border:1px solid #7a94b8;border-radius:3px;background:#e9eef5;cursor:pointer}\n</style>`
function healthTable(model){
const head=['Flow','State','Cause','What to do','Last good run','Feeds','Rejected rows'].map(h=>`<th>${h}</th>`).join('')
const rows=model.health.map(h=>`<tr data-flow="${esc(h.flow)}"><td><b>${esc(h.flow)}</b></td><td><span class="hc-state hc-${h.state.replace(/ /g,'-')}">${esc(h.state.toUpperCase())}</span></td><td>${esc(h.cause)}</td><td>${esc(h.fix)}</td><td>${esc(h.lastGood)}</td><td>${esc(h.feeds)}</td><td>${esc(h.errors)}</td></tr>`).join('')
return`<table class="hc-health" id="hc-health"><tr>${head}</tr>${rows}</table><div class="hc-zone">${esc(model.zoneNote)}</div>`
}function renderStatusForm(ui,model,footer){const form=ui.createForm({title:model.title})
const top=form.addField({id:'custpage_message',type:ui.FieldType.INLINEHTML,label:'Message'})
top.defaultValue=STYLE+(model.message?`<div class="hc-msg hc-msg-${model.message.kind}" role="status"><b>${esc(model.message.title)}</b>: ${esc(model.message.text)}</div>`:'')+healthTable(model)
for(const tab of model.tabs){form.addTab({id:tab.id,label:tab.label})
if(tab.id==='custpage_tab_actions')addActionForm(ui,form,model,tab.id)
for(const block of tab.blocks){if(block.kind==='fields'){form.addFieldGroup({id:block.id,label:block.label,tab:tab.id})
for(const f of block.fields){const field=form.addField({id:f.id,type:f.html?ui.FieldType.INLINEHTML:ui.FieldType.TEXT,
label:f.label,container:block.id})
if(!f.html)field.updateDisplayType({displayType:ui.FieldDisplayType.INLINE})
field.updateBreakType({breakType:ui.FieldBreakType.STARTROW})
field.defaultValue=f.html?`<div class="hc-field"><div class="hc-label">${esc(f.label)}</div><div class="hc-value" data-field="${f.id}">${f.value}</div></div>`:f.value
}continue}const sublist=form.addSublist({id:block.id,type:ui.SublistType.LIST,label:block.label,tab:tab.id})
for(const c of block.columns)sublist.addField({id:`custpage_${c.id}`,type:ui.FieldType.TEXT,label:c.label})
block.rows.forEach((row,line)=>row.forEach((cell,i)=>{if(cell!=='')sublist.setSublistValue({
id:`custpage_${block.columns[i].id}`,line,value:cell})}))}}const foot=form.addField({id:'custpage_footer',
type:ui.FieldType.INLINEHTML,label:'Footer'})
foot.defaultValue=`<p class="hc-footer" style="color:#666;font-size:11px">${esc(footer)}</p>`
return form}function addActionForm(ui,form,model,tab){form.addFieldGroup({id:'custpage_grp_run',label:'Run an action',
tab})
const action=form.addField({id:PARAM.action,type:ui.FieldType.SELECT,label:'Action',container:'custpage_grp_run'})
action.addSelectOption({value:'',text:'',isSelected:true})
for(const[value,text]of Object.entries(ACTION_LABELS))action.addSelectOption({value,text})
const feed=form.addField({id:PARAM.feed,type:ui.FieldType.SELECT,label:'Feed (dry run)',container:'custpage_grp_run'})
feed.addSelectOption({value:'',text:model.actions.feeds.length?'':'(list the waiting feeds on the Feeds tab first)'})
for(const name of model.actions.feeds)feed.addSelectOption({value:name,text:name})
const csrf=form.addField({id:PARAM.csrf,type:ui.FieldType.TEXT,label:'Token'})
csrf.updateDisplayType({displayType:ui.FieldDisplayType.HIDDEN})
csrf.defaultValue=model.actions.csrf
form.addSubmitButton({label:'Run the action chosen on the Actions tab'})}return{ACTIONS,ACTION_LABELS,ERROR_FIXES,FLOWS,
NetSuiteStatusSources,ON_DEMAND,PARAM,REPORT_FOLDERS,SYNC_SCRIPTS,buildPage,contentDisposition,csrfMatches,
dryRunOneFeed,esc,fixFor,flowVerdict,importLoad,importSettings,instanceRuns,listWaitingFeeds,outcomeText,pageView,
pieceHtml,refusedForToken,renderPage,renderStatusForm,reportRequest,runAction,testSftpConnection}})

