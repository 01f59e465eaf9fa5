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
return{store,remember:()=>{if(store.recordId&&store.recordId!==known)ids.put({key,value:store.recordId})}}}return{
CHECKPOINT_ID_COLUMN,CheckpointById,cachedCheckpoint,withCheckpointColumn}})

