/**
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
define(['./HC_CustomerSyncLib'],function(HC_CustomerSyncLib){'use strict'
const CHECKPOINT_ID_COLUMN='formulanumeric'
class CheckpointById extends HC_CustomerSyncLib.CheckpointStore{constructor(modules,key,knownId){super(modules,key)
if(knownId&&/^\d+$/.test(knownId))this.id=knownId}get recordId(){return this.id??''}load(){
if(!this.id)return super.load()
const found=this.modules.search.lookupFields({type:HC_CustomerSyncLib.CHECKPOINT_RECORD.type,id:this.id,
columns:[HC_CustomerSyncLib.CHECKPOINT_RECORD.key,HC_CustomerSyncLib.CHECKPOINT_RECORD.state,'isinactive']})
const text=String(found[HC_CustomerSyncLib.CHECKPOINT_RECORD.state]??'')
if(!text||found[HC_CustomerSyncLib.CHECKPOINT_RECORD.key]!==this.key||found.isinactive===true||text.length>=3999){
this.id=null
return super.load()}try{return JSON.parse(text)}catch{return null}}}
function withCheckpointColumn(search,selection,checkpointId){
if(/^\d+$/.test(checkpointId))selection.columns=[...selection.columns,search.createColumn({name:CHECKPOINT_ID_COLUMN,
formula:checkpointId})]
return selection}function cachedCheckpoint(modules,cache,key){const ids=cache.getCache({name:'hc_sync_checkpoint_ids',
scope:cache.Scope.PRIVATE})
const known=String(ids.get({key})??'')
const store=new CheckpointById(modules,key,known)
return{store,remember:()=>{if(store.recordId&&store.recordId!==known)ids.put({key,value:store.recordId})}}}
const STATE_CHARS=3500
const SFTP_HINT_MS=864e5
function planRun(state,deploymentId,now,settleMs,unique=''){const committed={stampAfter:state?.committed?.stampAfter??0}
const crashed=state?.pending?.[deploymentId]
const carried=[...crashed?.leftovers??[],...crashed?.files??[],...crashed?.unique?[crashed.unique]:[]].slice(-10)
const leftovers=crashed&&!carried.length?[`run of ${crashed.startedAt}`]:carried
const run={...committed,stampUpTo:Math.max(committed.stampAfter,now-settleMs),startedAt:now}
if(unique)run.unique=unique
if(leftovers.length)run.leftovers=leftovers
return{...state,committed,pending:{...state?.pending??{},[deploymentId]:run}}}function commitRun(state,deploymentId){
const run=state.pending[deploymentId]
if(!run)return state
const pending={...state.pending}
delete pending[deploymentId]
return{...state,committed:{stampAfter:Math.max(state.committed.stampAfter,run.stampUpTo)},pending}}
function withRunEntry(state,entry){const files=Array.isArray(entry.files)?entry.files:[]
const short=files.length>5?{...entry,files:files.slice(0,5),filesOmitted:files.length-5}:entry
const lastRuns=[short,...state.lastRuns??[]].slice(0,10)
const out={...state,lastRuns}
while(JSON.stringify(out).length>STATE_CHARS&&lastRuns.length>1)lastRuns.pop()
return out}function partyIdentificationFiles(customers,maxRows){
const sorted=[...customers].sort((a,b)=>Number(a.id)-Number(b.id))
const files=[]
for(let i=0;i<sorted.length;i+=maxRows){
const rows=sorted.slice(i,i+maxRows).map(c=>[c.hcCustomerId,'NETSUITE_CUSTOMER_ID',c.id])
files.push(HC_CustomerSyncLib.toCsv([...HC_CustomerSyncLib.PARTY_IDENTIFICATION_HEADER],rows))}return files}
function planAndSave(checkpoint,deploymentId,now,settleMs,unique=''){for(let attempt=1;;attempt++){
const planned=planRun(checkpoint.load(),deploymentId,now(),settleMs,unique)
if(checkpoint.save(planned)!==false)return planned
if(attempt>=3)throw new HC_CustomerSyncLib.SyncError(HC_CustomerSyncLib.SYNC_ERROR_CODES.checkpointConflict,'The export checkpoint could not be read back.')
}}const DAY_MS=864e5
function removeLeftovers(deps,target,dir){let temps=[]
try{
temps=target.listEntries(dir).filter(e=>!e.directory&&/^\.CustomerExport-.*\.part$/.test(e.name)).map(e=>e.name.slice(1,-5))
}catch{return}if(!temps.length)return
const now=deps.now.getTime()
const busy=Object.entries(deps.checkpoint.load()?.pending??{}).filter(([d,r])=>d!==deps.deploymentId&&now-r.startedAt<=DAY_MS)
const spared=name=>busy.some(([,r])=>r.unique&&name.includes(`-${r.unique}`)||(r.files??[]).includes(name))
for(const name of temps)if(!spared(name))target.removeTemporary(dir,name)}function sendExport(deps,customers){
const state=deps.checkpoint.load()
const run=state?.pending?.[deps.deploymentId]
if(!run)deps.log.audit('Export pending run not found','The files are sent; the cursor is not advanced, so the next run sends these customers again.')
const files=partyIdentificationFiles(customers,deps.maxRowsPerFile())
const unique=run?.unique||deps.unique
const names=files.map((_csv,i)=>HC_CustomerSyncLib.timestampedCsvName('CustomerExport',deps.now,files.length>1?`${unique}-${String(i+1).padStart(3,'0')}`:unique))
const now=deps.now.getTime()
const suspect=deps.restarted===true||(run?.leftovers?.length??0)>0||(run?.files?.length??0)>0||Object.entries(state?.pending??{}).some(([d,r])=>d!==deps.deploymentId&&now-r.startedAt>DAY_MS)
let used=state?.sftpRecord
const hint={id:used&&now-used.foundAt<SFTP_HINT_MS?used.id:'',remember:id=>used={id,foundAt:now}}
if(files.length>0||suspect){const target=deps.connect(hint)
const dir=HC_CustomerSyncLib.SFTP_FOLDERS.partyIdentifications
target.assumeDirectory?.(dir)
if(suspect)removeLeftovers(deps,target,dir)
files.forEach((csv,i)=>target.uploadAtomic(dir,names[i],csv))}if(!state||!run)return{files:names,recorded:false}
let next=commitRun(state,deps.deploymentId)
if(used)next={...next,sftpRecord:used}
const entry=deps.runEntry?.(names)
if(entry)next=withRunEntry(next,{...entry,deploymentId:deps.deploymentId,ended:now})
deps.checkpoint.save(next)
return{files:names,recorded:entry!==undefined}}function selectForExport(search,run){return search.create({
type:'customer',
filters:[[HC_CustomerSyncLib.CUSTOMER_FIELDS.hcCustomerId,'isnotempty',''],'AND',['isinactive','is','F'],'AND',[[[HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp,'greaterthan',run.stampAfter],'AND',[HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp,'lessthanorequalto',run.stampUpTo]],'OR',[HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp,'isempty','']]],
columns:[HC_CustomerSyncLib.CUSTOMER_FIELDS.hcCustomerId,HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp,search.createColumn({
name:'formulatext',formula:`'${run.stampUpTo}'`})]})}function stampCustomer(record,id,stamp){record.submitFields({
type:record.Type.CUSTOMER,id,values:{[HC_CustomerSyncLib.CUSTOMER_FIELDS.syncStamp]:stamp},options:{
enableSourcing:false,ignoreMandatoryFields:true}})}return{CHECKPOINT_ID_COLUMN,CheckpointById,cachedCheckpoint,
planAndSave,selectForExport,sendExport,stampCustomer,withCheckpointColumn}})

