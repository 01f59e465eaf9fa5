/**
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
define(['./HC_CustomerSyncLib'],function(HC_CustomerSyncLib){'use strict'
const ROWS_PER_KEY=5
const ROWS_PER_SEARCH=500
const MAX_GROUP_ROWS=150
function handoffOptions(h,oneWorld,fieldMap,executionId){return{oneWorld,defaultSubsidiary:h.settings.defaultSubsidiary,
fieldMap,matchByEmail:h.settings.matchByEmail,dryRun:false,batchSize:50,executionId,
deploymentId:HC_CustomerSyncLib.IMPORT_CUSTOMER_MR.deploymentId,restampAfterMs:60*60*1e3}}function heldHandoff(state){
return state?.handoff&&state.lease?.deploymentId===HC_CustomerSyncLib.IMPORT_CUSTOMER_MR.deploymentId?state.handoff:null
}class UnionFind{constructor(){this.parent=new Map}find(x){let root=x
for(let p=this.parent.get(root);p!==undefined&&p!==root;p=this.parent.get(root))root=p
if(!this.parent.has(x))this.parent.set(x,x)
for(let cur=x;cur!==root;){const next=this.parent.get(cur)
this.parent.set(cur,root)
cur=next}return root}union(a,b){const ra=this.find(a)
const rb=this.find(b)
if(ra!==rb)this.parent.set(ra,rb)}}function keyNodes(c,byEmail){const out=[]
if(c.hcCustomerId)out.push(`h:${c.hcCustomerId.toLowerCase()}`)
if(c.externalId)out.push(`x:${c.externalId.toLowerCase()}`)
if(c.shopifyCustomerId)out.push(`s:${c.shopifyCustomerId.toLowerCase()}`)
if(byEmail&&c.email)out.push(`m:${c.email.toLowerCase()}`)
return out}const pad=(n,width)=>String(n).padStart(width,'0')
const batchKey=(feed,line)=>`${pad(feed,3)}-${pad(line,9)}`
const TEXT_PIECE_CHARS=1e6
const MAX_PASSED_CHARS=2e7
const textKey=(feed,piece)=>`text-${pad(feed,3)}-${pad(piece,4)}`
const isTextKey=key=>key.startsWith('text-')
function textPieces(feed,size,text){const cuts=[]
for(let at=0;at<text.length||cuts.length===0;){let end=Math.min(text.length,at+TEXT_PIECE_CHARS)
const c=text.charCodeAt(end-1)
if(end<text.length&&c>=55296&&c<=56319)end--
cuts.push(text.slice(at,end))
at=end}return cuts.map((t,piece)=>({feed,piece,pieces:cuts.length,size,text:t}))}function feedTexts(pieces){
const byFeed=new Map
for(const p of pieces)byFeed.set(p.feed,[...byFeed.get(p.feed)??[],p])
const out=new Map
for(const[feed,ps]of byFeed){const seen=new Map(ps.map(p=>[p.piece,p]))
const first=ps[0]
if(seen.size!==first.pieces)continue
const text=Array.from({length:first.pieces},(_,i)=>seen.get(i).text).join('')
out.set(feed,{size:first.size,text})}return out}function planHandoff(h,deps,opts){
const read=readHandedFeeds(h,deps.feeds,opts)
const{rows,headers,givenBack}=read
const valid=rows.map(r=>r.customer).filter(c=>c!==null)
const candidates=new Map
for(let i=0;i<valid.length;i+=ROWS_PER_SEARCH)for(const c of deps.customers.findCandidates(HC_CustomerSyncLib.matchKeys(valid.slice(i,i+ROWS_PER_SEARCH),opts.matchByEmail)))candidates.set(c.id,c)
const groups=relatedRows(rows,candidates,opts.matchByEmail)
const tooLarge=groups.find(g=>g.rows.length>MAX_GROUP_ROWS)
if(tooLarge){const first=tooLarge.rows[0]
const reason=`${tooLarge.rows.length} rows could resolve to one customer (first: ${h.feeds[first.feed].name} line ${first.line}); one reduce takes at most ${MAX_GROUP_ROWS}`
const back=h.feeds.filter((f,i)=>!h.done.includes(f.name)&&headers[i]!==undefined)
return{batches:{},texts:[],givenBack:[...givenBack,...back.map(f=>({...f,reason}))],rows:0}}const batches={}
let current=null
for(const g of groups){if(!current||current.rows.length+g.rows.length>ROWS_PER_KEY){current={rows:[],headers:{},
candidates:[]}
batches[batchKey(g.rows[0].feed,g.rows[0].line)]=current}current.rows.push(...g.rows)
current.candidates.push(...g.candidates)}for(const b of Object.values(batches)){
b.rows.sort((a,c)=>a.feed-c.feed||a.line-c.line)
for(const r of b.rows)b.headers[r.feed]=headers[r.feed]}return{batches,texts:read.texts,givenBack,rows:rows.length}}
function readHandedFeeds(h,feeds,opts){const givenBack=[]
const listed=new Map(feeds.list().map(e=>[e.name,e]))
const rows=[]
const headers={}
const texts=[]
let passedChars=0
h.feeds.forEach((f,feed)=>{if(h.done.includes(f.name))return
const entry=listed.get(f.name)
if(!entry)return
if(entry.directory||(entry.size??0)>HC_CustomerSyncLib.SFTP_MAX_FILE_SIZE){givenBack.push({...f,
reason:'not a file within N/sftp limits'})
return}let text
try{text=feeds.download(f.name)}catch(e){const{code,message}=HC_CustomerSyncLib.describeError(e)
if(code==='SSS_USAGE_LIMIT_EXCEEDED')throw e
givenBack.push({...f,reason:`cannot be downloaded (${code}: ${message})`})
return}const parsed=HC_CustomerSyncLib.unreadableReason(text)?null:HC_CustomerSyncLib.readCustomerFeed(text,f.name)
if(!parsed||parsed.missingColumns.includes('HCCustomerId')||parsed.refusal){givenBack.push({...f,
reason:'not a readable customer feed'})
return}headers[feed]=parsed.header
h.prints={...h.prints,[f.name]:{size:entry.size,modified:entry.lastModified?.getTime(),
hash:HC_CustomerSyncLib.textHash(text)}}
if(passedChars+text.length<=MAX_PASSED_CHARS){passedChars+=text.length
texts.push(...textPieces(feed,entry.size??null,text))}for(const r of parsed.rows){
const c=HC_CustomerSyncLib.toNewCustomer(r.values,r.extra,opts,r.fields,parsed.header)
const row={feed,line:r.lineNumber,endLine:r.endLine,values:r.values,extra:r.extra,fields:r.fields}
rows.push({row,customer:HC_CustomerSyncLib.isProblem(c)?null:c})}})
return{rows,headers,texts,givenBack}}function relatedRows(rows,candidates,byEmail){const uf=new UnionFind
rows.forEach((r,i)=>{uf.find(`r:${i}`)
if(r.customer)for(const k of keyNodes(r.customer,byEmail))uf.union(`r:${i}`,k)})
for(const c of candidates.values())for(const k of keyNodes(c,byEmail))uf.union(`c:${c.id}`,k)
const groups=new Map
rows.forEach((r,i)=>{const root=uf.find(`r:${i}`)
const g=groups.get(root)??{rows:[],candidates:[]}
g.rows.push(r.row)
groups.set(root,g)})
for(const c of candidates.values())groups.get(uf.find(`c:${c.id}`))?.candidates.push(c)
return[...groups.values()]}function reduceBatch(batch,customers,now,opts,restarted){let store=customers
if(restarted){const hcIds=[...new Set(batch.rows.map(r=>(r.values.HCCustomerId??'').trim()).filter(Boolean))]
const known=new Set(batch.candidates.map(c=>c.id))
const saved=new Map
if(hcIds.length)for(const c of customers.findCandidates({hcCustomerIds:hcIds,externalIds:[],shopifyCustomerIds:[],
emails:[]}))if(!known.has(c.id)&&!saved.has(c.hcCustomerId))saved.set(c.hcCustomerId,c.id)
store=Object.create(customers)
store.create=(c,statusId,stamp)=>saved.get(c.hcCustomerId)??customers.create(c,statusId,stamp)}
const index=new HC_CustomerSyncLib.CandidateIndex(batch.candidates.map(c=>({...c})))
return batch.rows.map(r=>{const row={lineNumber:r.line,endLine:r.endLine,values:r.values,extra:r.extra,original:{},
fields:r.fields}
const customer=HC_CustomerSyncLib.toNewCustomer(r.values,r.extra,opts,r.fields,batch.headers[r.feed])
return{feed:r.feed,line:r.line,outcome:HC_CustomerSyncLib.decideRow({row,customer},index,{customers:store,now},opts)}})}
function giveBackFromPlan(state,plan){if(!plan.givenBack.length)return false
const h=state.handoff
for(const f of plan.givenBack)if(!h.done.includes(f.name))h.done.push(f.name)
HC_CustomerSyncLib.returnFeeds(state,plan.givenBack.map(({name,tag})=>({name,tag})))
return true}function finishHandoff(deps,state,outcomes,opts,restarted,texts=new Map){const h=state.handoff
const summary={files:[],totals:HC_CustomerSyncLib.emptyCounts(),paused:false,stalled:false}
const byFeed=new Map
for(const o of outcomes){const m=byFeed.get(o.feed)??new Map
if(!m.has(o.line))m.set(o.line,o.outcome)
byFeed.set(o.feed,m)}
if(restarted||h.attempts>1)for(const folder of[HC_CustomerSyncLib.SFTP_FOLDERS.customerFeedError,HC_CustomerSyncLib.SFTP_FOLDERS.customerFeedMissing])deps.feeds.removeLeftovers?.(folder)
const listed=new Map(deps.feeds.list().map(e=>[e.name,e]))
const feedIndex=new Map(h.feeds.map((f,i)=>[f.name,i]))
const feeds=Object.create(deps.feeds)
feeds.download=name=>texts.get(feedIndex.get(name)??-1)?.text??deps.feeds.download(name)
const replay={state,summary,job:{...deps,feeds},opts,run:{reportedFolders:new Set,setupReported:new Set},back:[],
finished:new Set}
const report=r=>{summary.files.push(r)
for(const k of Object.keys(r.counts))summary.totals[k]+=r.counts[k]}
h.feeds.forEach((f,feed)=>{const entry=listed.get(f.name)
const moved=h.moved?.[f.name]
if(moved&&!entry)return report(moved)
if(h.done.includes(f.name))return report({name:f.name,outcome:'given back',counts:HC_CustomerSyncLib.emptyCounts()})
if(!entry){
deps.log.error(`Customer feed ${f.name} is gone: HC_MR_ImportCustomer did not finish it`,`Someone removed or moved ${HC_CustomerSyncLib.SFTP_FOLDERS.customerFeed}/${f.name} after it was handed over; it has no reports and was not archived. Customers the job already wrote for it stay (found by their HC customer id if HotWax sends the feed again).`)
return report({name:f.name,outcome:'gone',counts:HC_CustomerSyncLib.emptyCounts()})}
replayFeed(replay,f,entry,byFeed.get(feed)??new Map)})
HC_CustomerSyncLib.returnFeeds(state,replay.back)
delete state.handoff
state.lease=null
deps.checkpoint.save(state)
const waiting=[...listed.values()].filter(e=>!e.directory&&HC_CustomerSyncLib.isCsv(e.name)&&!replay.finished.has(e.name)).length
return{...summary,feedsWaiting:waiting>0,waiting}}
function replayFeed({state,summary,job,opts,run,back,finished},f,entry,decided){const h=state.handoff
const fileState={file:f.name,line:0,tag:f.tag,errors:[],counts:HC_CustomerSyncLib.emptyCounts(),lease:null,
print:h.prints?.[f.name]}
const tally=k=>{fileState.counts[k]++
summary.totals[k]++}
const decider={rowUnits:0,
begin:batch=>batch.every(p=>decided.has(p.row.lineNumber))?p=>decided.get(p.row.lineNumber):null}
const save=st=>{if(!st.moving)return
const outcome=st.moving.to===HC_CustomerSyncLib.SFTP_FOLDERS.customerFeedArchive?'archived':'failed'
const{lines,blankLines}=st.moving
h.moved={...h.moved,[f.name]:{name:f.name,outcome,counts:{...st.counts},lines,blankLines}}
job.checkpoint.save(state)}
const result=HC_CustomerSyncLib.importOneFeed(entry,fileState,{deps:job,opts,save,tally,run,decider})
summary.files.push(result)
if(result.outcome==='changed'||result.outcome==='gone');else if(result.outcome==='archived'||result.outcome==='failed'){
finished.add(f.name)
if(state.blockedTags?.[f.name]){const{[f.name]:_,...rest}=state.blockedTags
state.blockedTags=Object.keys(rest).length?rest:undefined}}else{
job.log.audit(`Customer feed ${f.name} goes back to HC_SC_ImportCustomer`,`${result.outcome}${result.reason?`: ${result.reason}`:''}; customers already written are found by their HC customer id`)
back.push(f)}}function referenceAnswers(values,defaultSubsidiary,customers){const out={}
const v=x=>(x??'').trim()
for(const r of values){const status=v(r.status).toLowerCase()
const subsidiary=v(r.subsidiary)||defaultSubsidiary
const leadSource=v(r.accountSource)
if(status&&!(`s:${status}`in out)){const id=customers.statusId(status)
if(id)out[`s:${status}`]=id}
if(/^\d+$/.test(subsidiary)&&!out[`u:${subsidiary}`]&&customers.subsidiaryExists(subsidiary))out[`u:${subsidiary}`]=true
if(/^-?\d+$/.test(leadSource)&&!out[`l:${leadSource}`]&&customers.leadSourceExists(leadSource))out[`l:${leadSource}`]=true
}return out}
const answeringFrom=(customers,answers)=>answers?HC_CustomerSyncLib.keepingAnswers(customers,answers):customers
return{MAX_GROUP_ROWS,ROWS_PER_KEY,answeringFrom,batchKey,feedTexts,finishHandoff,giveBackFromPlan,handoffOptions,
heldHandoff,isTextKey,planHandoff,reduceBatch,referenceAnswers,textKey}})

