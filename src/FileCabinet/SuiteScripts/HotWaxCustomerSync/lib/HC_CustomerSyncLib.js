/**
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
define([],function(){'use strict'
function utf8Encoding(encoding){if(encoding===undefined||encoding===null)return
const e=String(encoding).toLowerCase()
if(e!=='utf8'&&e!=='utf-8')throw new TypeError(`Unknown encoding: ${String(encoding)}`)}class Bytes extends Uint8Array{
slice(start,end){return this.subarray(start,end)}copy(target,targetStart=0,sourceStart=0,sourceEnd=this.length){
const end=Math.min(sourceEnd,this.length,sourceStart+(target.length-targetStart))
if(end<=sourceStart)return 0
target.set(this.subarray(sourceStart,end),targetStart)
return end-sourceStart}compare(target,targetStart=0,targetEnd=target.length,sourceStart=0,sourceEnd=this.length){
return compareBytes(this.subarray(sourceStart,sourceEnd),target.subarray(targetStart,targetEnd))}equals(other){
if(!(other instanceof Uint8Array))throw new TypeError('Argument must be a Buffer')
return compareBytes(this,other)===0}toString(encoding,start=0,end=this.length){utf8Encoding(encoding)
return decodeUtf8(this,Math.max(0,start),Math.min(end,this.length))}}function compareBytes(a,b){
const n=Math.min(a.length,b.length)
for(let i=0;i<n;i++)if(a[i]!==b[i])return a[i]<b[i]?-1:1
return a.length===b.length?0:a.length<b.length?-1:1}function forEachCodePoint(text,put){for(let i=0;i<text.length;i++){
const c=text.charCodeAt(i)
if(c<55296||c>57343)put(c)
else{const next=i+1<text.length?text.charCodeAt(i+1):0
if(c>56319||next<56320||next>57343)put(65533)
else{put(65536+(c-55296<<10)+(next-56320))
i++}}}}const utf8Size=c=>c<128?1:c<2048?2:c<65536?3:4
function encodeUtf8(text){let size=0
forEachCodePoint(text,c=>size+=utf8Size(c))
const out=new Bytes(size)
let at=0
forEachCodePoint(text,c=>{if(c<128)out[at++]=c
else if(c<2048){out[at++]=192|c>>6
out[at++]=128|c&63}else if(c<65536){out[at++]=224|c>>12
out[at++]=128|c>>6&63
out[at++]=128|c&63}else{out[at++]=240|c>>18
out[at++]=128|c>>12&63
out[at++]=128|c>>6&63
out[at++]=128|c&63}})
return out}const isContinuation=b=>(b&192)===128
function decodeUtf8(bytes,start,end){const units=[]
let text=''
let i=start
while(i<end){const first=bytes[i]
let size=first>239?4:first>223?3:first>191?2:1
let code=-1
if(i+size<=end){if(size===1){if(first<128)code=first}else if(size===2){const b=bytes[i+1]
const c=(first&31)<<6|b&63
if(isContinuation(b)&&c>127)code=c}else if(size===3){const b=bytes[i+1]
const d=bytes[i+2]
const c=(first&15)<<12|(b&63)<<6|d&63
if(isContinuation(b)&&isContinuation(d)&&c>2047&&(c<55296||c>57343))code=c}else{const b=bytes[i+1]
const d=bytes[i+2]
const e=bytes[i+3]
const c=(first&15)<<18|(b&63)<<12|(d&63)<<6|e&63
if(isContinuation(b)&&isContinuation(d)&&isContinuation(e)&&c>65535&&c<1114112)code=c}}if(code<0){code=65533
size=1}if(code>65535){code-=65536
units.push(55296|code>>10,56320|code&1023)}else units.push(code)
i+=size
if(units.length>=4096){text+=String.fromCharCode(...units)
units.length=0}}return text+String.fromCharCode(...units)}const CsvBuffer={from(value,encoding){
if(typeof value==='string'){utf8Encoding(encoding)
return encodeUtf8(value)}return Bytes.from(value)},isBuffer(value){return value instanceof Bytes},alloc(size){
return new Bytes(size)},allocUnsafe(size){return new Bytes(size)},concat(list,totalLength){
const length=totalLength??list.reduce((n,b)=>n+b.length,0)
const out=new Bytes(length)
let at=0
for(const b of list){if(at>=length)break
const part=b.subarray(0,length-at)
out.set(part,at)
at+=part.length}return out},compare(a,b){return compareBytes(a,b)}}
let CsvError$1=class CsvError extends Error{constructor(code,message,options,...contexts){
if(Array.isArray(message))message=message.join(" ").trim()
super(message)
if(Error.captureStackTrace!==undefined){Error.captureStackTrace(this,CsvError)}this.code=code
for(const context of contexts){for(const key in context){const value=context[key]
this[key]=CsvBuffer.isBuffer(value)?value.toString(options.encoding):value==null?value:JSON.parse(JSON.stringify(value))
}}}}
const is_object$1=function(obj){return typeof obj==="object"&&obj!==null&&!Array.isArray(obj)}
const normalize_columns_array=function(columns){const normalizedColumns=[]
for(let i=0,l=columns.length;i<l;i++){const column=columns[i]
if(column===undefined||column===null||column===false){normalizedColumns[i]={disabled:true}
}else if(typeof column==="string"||typeof column==="number"){normalizedColumns[i]={name:`${column}`}
}else if(is_object$1(column)){if(typeof column.name!=="string"){
throw new CsvError$1("CSV_OPTION_COLUMNS_MISSING_NAME",["Option columns missing name:",`property "name" is required at position ${i}`,"when column is an object literal"])
}normalizedColumns[i]=column}else{
throw new CsvError$1("CSV_INVALID_COLUMN_DEFINITION",["Invalid column definition:","expect a string or a literal object,",`got ${JSON.stringify(column)} at position ${i}`])
}}return normalizedColumns}
class ResizeableBuffer{constructor(size=100){this.size=size
this.length=0
this.buf=CsvBuffer.allocUnsafe(size)}prepend(val){if(CsvBuffer.isBuffer(val)){const length=this.length+val.length
if(length>=this.size){this.resize()
if(length>=this.size){throw Error("INVALID_BUFFER_STATE")}}const buf=this.buf
this.buf=CsvBuffer.allocUnsafe(this.size)
val.copy(this.buf,0)
buf.copy(this.buf,val.length)
this.length+=val.length}else{const length=this.length++
if(length===this.size){this.resize()}const buf=this.clone()
this.buf[0]=val
buf.copy(this.buf,1,0,length)}}append(val){const length=this.length++
if(length===this.size){this.resize()}this.buf[length]=val}clone(){return CsvBuffer.from(this.buf.slice(0,this.length))}
resize(){const length=this.length
this.size=this.size*2
const buf=CsvBuffer.allocUnsafe(this.size)
this.buf.copy(buf,0,0,length)
this.buf=buf}toString(encoding){if(encoding){return this.buf.toString(encoding,0,this.length)}else{
return Uint8Array.prototype.slice.call(this.buf.slice(0,this.length))}}toJSON(){return this.toString("utf8")}reset(){
this.length=0}}const init_state=function(options){
const timchars=[32,9,10,13,12,11,160,5760,8192,8193,8194,8195,8196,8197,8198,8199,8200,8201,8202,8232,8233,8239,8287,12288,65279].reduce((acc,codepoint)=>{
const encoded=CsvBuffer.from(String.fromCharCode(codepoint),options.encoding)
if(codepoint!==63&&encoded.length===1&&encoded[0]===63){return acc}acc.push(encoded)
return acc},[])
const timcharFirstBytes=new Uint8Array(256)
for(const t of timchars)timcharFirstBytes[t[0]]=1
return{bomSkipped:false,bufBytesStart:0,castField:options.cast_function,commenting:false,delimiterBufPrevious:undefined,
delimiterDiscovered:false,error:undefined,enabled:options.from_line===1,escaping:false,
escapeIsQuote:CsvBuffer.isBuffer(options.escape)&&CsvBuffer.isBuffer(options.quote)&&CsvBuffer.compare(options.escape,options.quote)===0,
expectedRecordLength:Array.isArray(options.columns)?options.columns.length:undefined,field:new ResizeableBuffer(20),
firstLineToHeaders:options.cast_first_line_to_header,
needMoreDataSize:Math.max(options.comment!==null?options.comment.length:0,...options.delimiter?options.delimiter.map(delimiter=>delimiter.length):[],options.delimiter_auto?1:0,options.quote!==null?options.quote.length:0,...timchars.map(t=>t.length)),
previousBuf:undefined,quoting:false,stop:false,rawBuffer:new ResizeableBuffer(100),record:[],recordHasError:false,
record_length:0,
recordDelimiterMaxLength:options.record_delimiter.length===0?0:Math.max(...options.record_delimiter.map(v=>v.length)),
trimChars:[CsvBuffer.from(" ",options.encoding)[0],CsvBuffer.from("\t",options.encoding)[0]],wasQuoting:false,
wasRowDelimiter:false,timchars,timcharFirstBytes}}
const underscore$1=function(str){return str.replace(/([A-Z])/g,function(_,match){return"_"+match.toLowerCase()})}
const normalize_options$1=function(opts){const options={}
for(const opt in opts){options[underscore$1(opt)]=opts[opt]}if(options.encoding===undefined||options.encoding===true){
options.encoding="utf8"}else if(options.encoding===null||options.encoding===false){options.encoding=null
}else if(typeof options.encoding!=="string"&&options.encoding!==null){
throw new CsvError$1("CSV_INVALID_OPTION_ENCODING",["Invalid option encoding:","encoding must be a string or null to return a buffer,",`got ${JSON.stringify(options.encoding)}`],options)
}if(options.bom===undefined||options.bom===null||options.bom===false){options.bom=false}else if(options.bom!==true){
throw new CsvError$1("CSV_INVALID_OPTION_BOM",["Invalid option bom:","bom must be true,",`got ${JSON.stringify(options.bom)}`],options)
}options.cast_function=null
if(options.cast===undefined||options.cast===null||options.cast===false||options.cast===""){options.cast=undefined
}else if(typeof options.cast==="function"){options.cast_function=options.cast
options.cast=true}else if(options.cast!==true){
throw new CsvError$1("CSV_INVALID_OPTION_CAST",["Invalid option cast:","cast must be true or a function,",`got ${JSON.stringify(options.cast)}`],options)
}if(options.cast_date===undefined||options.cast_date===null||options.cast_date===false||options.cast_date===""){
options.cast_date=false}else if(options.cast_date===true){options.cast_date=function(value){const date=Date.parse(value)
return!isNaN(date)?new Date(date):value}}else if(typeof options.cast_date!=="function"){
throw new CsvError$1("CSV_INVALID_OPTION_CAST_DATE",["Invalid option cast_date:","cast_date must be true or a function,",`got ${JSON.stringify(options.cast_date)}`],options)
}options.cast_first_line_to_header=undefined
if(options.columns===true){options.cast_first_line_to_header=undefined}else if(typeof options.columns==="function"){
options.cast_first_line_to_header=options.columns
options.columns=true}else if(Array.isArray(options.columns)){options.columns=normalize_columns_array(options.columns)
}else if(options.columns===undefined||options.columns===null||options.columns===false){options.columns=false}else{
throw new CsvError$1("CSV_INVALID_OPTION_COLUMNS",["Invalid option columns:","expect an array, a function or true,",`got ${JSON.stringify(options.columns)}`],options)
}
if(options.group_columns_by_name===undefined||options.group_columns_by_name===null||options.group_columns_by_name===false){
options.group_columns_by_name=false}else if(options.group_columns_by_name!==true){
throw new CsvError$1("CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",["Invalid option group_columns_by_name:","expect an boolean,",`got ${JSON.stringify(options.group_columns_by_name)}`],options)
}else if(options.columns===false){
throw new CsvError$1("CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",["Invalid option group_columns_by_name:","the `columns` mode must be activated."],options)
}if(options.comment===undefined||options.comment===null||options.comment===false||options.comment===""){
options.comment=null}else{if(typeof options.comment==="string"){
options.comment=CsvBuffer.from(options.comment,options.encoding)}if(!CsvBuffer.isBuffer(options.comment)){
throw new CsvError$1("CSV_INVALID_OPTION_COMMENT",["Invalid option comment:","comment must be a buffer or a string,",`got ${JSON.stringify(options.comment)}`],options)
}}if(options.comment_no_infix===undefined||options.comment_no_infix===null||options.comment_no_infix===false){
options.comment_no_infix=false}else if(options.comment_no_infix!==true){
throw new CsvError$1("CSV_INVALID_OPTION_COMMENT",["Invalid option comment_no_infix:","value must be a boolean,",`got ${JSON.stringify(options.comment_no_infix)}`],options)
}if(options.delimiter_auto===undefined||options.delimiter_auto===null||options.delimiter_auto===false){
options.delimiter_auto=false}else if(options.delimiter_auto===true){options.delimiter_auto={}
}else if(!is_object$1(options.delimiter_auto)){
throw new CsvError$1("CSV_INVALID_OPTION_DELIMITER_AUTO",["Invalid option delimiter_auto:","delimiter_auto must be a boolean or a configuration object,",`got ${JSON.stringify(options.delimiter_auto)}`],options)
}if(options.delimiter_auto){if(options.delimiter_auto.preferred===undefined)options.delimiter_auto.preferred={
[",".charCodeAt(0)]:1.8,["\t".charCodeAt(0)]:1.8,[";".charCodeAt(0)]:1.6,[" ".charCodeAt(0)]:1.6,
[":".charCodeAt(0)]:1.5,[".".charCodeAt(0)]:1.4,["/".charCodeAt(0)]:1.4}
else if(!is_object$1(options.delimiter_auto.preferred)){
throw new CsvError$1("CSV_INVALID_OPTION_DELIMITER_AUTO",["Invalid option delimiter_auto:","preferred must be an object,",`got ${JSON.stringify(options.delimiter_auto.preferred)}`],options)
}
if(options.delimiter_auto.score===undefined)options.delimiter_auto.score=(info,options)=>(info.total-info.std)*(options.preferred[info.char_code]||1)
else if(typeof options.delimiter_auto.score!=="function"){
throw new CsvError$1("CSV_INVALID_OPTION_DELIMITER_AUTO",["Invalid option delimiter_auto:","score must be a function,",`got ${JSON.stringify(options.delimiter_auto.score)}`],options)
}if(options.delimiter_auto.size===undefined)options.delimiter_auto.size=2048
else if(typeof options.delimiter_auto.size!=="number"){
throw new CsvError$1("CSV_INVALID_OPTION_DELIMITER_AUTO",["Invalid option delimiter_auto:","size must be a number,",`got ${JSON.stringify(options.delimiter_auto.size)}`],options)
}}const delimiter_json=JSON.stringify(options.delimiter)
if(options.delimiter_auto!==false){options.delimiter=[]}if(!Array.isArray(options.delimiter)){
if(options.delimiter===undefined||options.delimiter===null||options.delimiter===false){
options.delimiter=CsvBuffer.from(",",options.encoding)}options.delimiter=[options.delimiter]}
options.delimiter=options.delimiter.map(function(delimiter){if(typeof delimiter==="string"){
delimiter=CsvBuffer.from(delimiter,options.encoding)}if(!CsvBuffer.isBuffer(delimiter)||delimiter.length===0){
throw new CsvError$1("CSV_INVALID_OPTION_DELIMITER",["Invalid option delimiter:","delimiter must be a non empty string or buffer or array of string|buffer,",`got ${delimiter_json}`],options)
}return delimiter})
if(options.escape===undefined||options.escape===true){options.escape=CsvBuffer.from('"',options.encoding)
}else if(typeof options.escape==="string"){options.escape=CsvBuffer.from(options.escape,options.encoding)
}else if(options.escape===null||options.escape===false){options.escape=null}if(options.escape!==null){
if(!CsvBuffer.isBuffer(options.escape)){
throw new Error(`Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`)
}}if(options.from===undefined||options.from===null){options.from=1}else{
if(typeof options.from==="string"&&/\d+/.test(options.from)){options.from=parseInt(options.from)}
if(Number.isInteger(options.from)){if(options.from<0){
throw new Error(`Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`)}}else{
throw new Error(`Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`)}}
if(options.from_line===undefined||options.from_line===null){options.from_line=1}else{
if(typeof options.from_line==="string"&&/\d+/.test(options.from_line)){options.from_line=parseInt(options.from_line)}
if(Number.isInteger(options.from_line)){if(options.from_line<=0){
throw new Error(`Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`)
}}else{throw new Error(`Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`)}}
if(options.ignore_last_delimiters===undefined||options.ignore_last_delimiters===null){
options.ignore_last_delimiters=false}else if(typeof options.ignore_last_delimiters==="number"){
options.ignore_last_delimiters=Math.floor(options.ignore_last_delimiters)
if(options.ignore_last_delimiters===0){options.ignore_last_delimiters=false}
}else if(typeof options.ignore_last_delimiters!=="boolean"){
throw new CsvError$1("CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",["Invalid option `ignore_last_delimiters`:","the value must be a boolean value or an integer,",`got ${JSON.stringify(options.ignore_last_delimiters)}`],options)
}if(options.ignore_last_delimiters===true&&options.columns===false){
throw new CsvError$1("CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",["The option `ignore_last_delimiters`","requires the activation of the `columns` option"],options)
}if(options.info===undefined||options.info===null||options.info===false){options.info=false
}else if(options.info!==true){throw new Error(`Invalid Option: info must be true, got ${JSON.stringify(options.info)}`)}
if(options.max_record_size===undefined||options.max_record_size===null||options.max_record_size===false){
options.max_record_size=0
}else if(Number.isInteger(options.max_record_size)&&options.max_record_size>=0);else if(typeof options.max_record_size==="string"&&/\d+/.test(options.max_record_size)){
options.max_record_size=parseInt(options.max_record_size)}else{
throw new Error(`Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`)
}if(options.objname===undefined||options.objname===null||options.objname===false){options.objname=undefined
}else if(CsvBuffer.isBuffer(options.objname)){if(options.objname.length===0){
throw new Error(`Invalid Option: objname must be a non empty buffer`)}if(options.encoding===null);else{
options.objname=options.objname.toString(options.encoding)}}else if(typeof options.objname==="string"){
if(options.objname.length===0){throw new Error(`Invalid Option: objname must be a non empty string`)}
}else if(typeof options.objname==="number");else{
throw new Error(`Invalid Option: objname must be a string or a buffer, got ${options.objname}`)}
if(options.objname!==undefined){if(typeof options.objname==="number"){if(options.columns!==false){
throw Error("Invalid Option: objname index cannot be combined with columns or be defined as a field")}}else{
if(options.columns===false){
throw Error("Invalid Option: objname field must be combined with columns or be defined as an index")}}}
if(options.on_record===undefined||options.on_record===null){options.on_record=undefined
}else if(typeof options.on_record!=="function"){
throw new CsvError$1("CSV_INVALID_OPTION_ON_RECORD",["Invalid option `on_record`:","expect a function,",`got ${JSON.stringify(options.on_record)}`],options)
}if(options.on_skip!==undefined&&options.on_skip!==null&&typeof options.on_skip!=="function"){
throw new Error(`Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`)}
if(options.quote===null||options.quote===false||options.quote===""){options.quote=null}else{
if(options.quote===undefined||options.quote===true){options.quote=CsvBuffer.from('"',options.encoding)
}else if(typeof options.quote==="string"){options.quote=CsvBuffer.from(options.quote,options.encoding)}
if(!CsvBuffer.isBuffer(options.quote)){
throw new Error(`Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`)}}
if(options.raw===undefined||options.raw===null||options.raw===false){options.raw=false}else if(options.raw!==true){
throw new Error(`Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`)}
if(options.record_delimiter===undefined){options.record_delimiter=[]
}else if(typeof options.record_delimiter==="string"||CsvBuffer.isBuffer(options.record_delimiter)){
if(options.record_delimiter.length===0){
throw new CsvError$1("CSV_INVALID_OPTION_RECORD_DELIMITER",["Invalid option `record_delimiter`:","value must be a non empty string or buffer,",`got ${JSON.stringify(options.record_delimiter)}`],options)
}options.record_delimiter=[options.record_delimiter]}else if(!Array.isArray(options.record_delimiter)){
throw new CsvError$1("CSV_INVALID_OPTION_RECORD_DELIMITER",["Invalid option `record_delimiter`:","value must be a string, a buffer or array of string|buffer,",`got ${JSON.stringify(options.record_delimiter)}`],options)
}options.record_delimiter=options.record_delimiter.map(function(rd,i){if(typeof rd!=="string"&&!CsvBuffer.isBuffer(rd)){
throw new CsvError$1("CSV_INVALID_OPTION_RECORD_DELIMITER",["Invalid option `record_delimiter`:","value must be a string, a buffer or array of string|buffer",`at index ${i},`,`got ${JSON.stringify(rd)}`],options)
}else if(rd.length===0){
throw new CsvError$1("CSV_INVALID_OPTION_RECORD_DELIMITER",["Invalid option `record_delimiter`:","value must be a non empty string or buffer",`at index ${i},`,`got ${JSON.stringify(rd)}`],options)
}if(typeof rd==="string"){rd=CsvBuffer.from(rd,options.encoding)}return rd})
if(typeof options.relax_column_count==="boolean");else if(options.relax_column_count===undefined||options.relax_column_count===null){
options.relax_column_count=false}else{
throw new Error(`Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`)
}
if(typeof options.relax_column_count_less==="boolean");else if(options.relax_column_count_less===undefined||options.relax_column_count_less===null){
options.relax_column_count_less=false}else{
throw new Error(`Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`)
}
if(typeof options.relax_column_count_more==="boolean");else if(options.relax_column_count_more===undefined||options.relax_column_count_more===null){
options.relax_column_count_more=false}else{
throw new Error(`Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`)
}if(typeof options.relax_quotes==="boolean");else if(options.relax_quotes===undefined||options.relax_quotes===null){
options.relax_quotes=false}else{
throw new Error(`Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`)}
if(typeof options.skip_empty_lines==="boolean");else if(options.skip_empty_lines===undefined||options.skip_empty_lines===null){
options.skip_empty_lines=false}else{
throw new Error(`Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`)}
if(typeof options.skip_records_with_empty_values==="boolean");else if(options.skip_records_with_empty_values===undefined||options.skip_records_with_empty_values===null){
options.skip_records_with_empty_values=false}else{
throw new Error(`Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`)
}
if(typeof options.skip_records_with_error==="boolean");else if(options.skip_records_with_error===undefined||options.skip_records_with_error===null){
options.skip_records_with_error=false}else{
throw new Error(`Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`)
}if(options.rtrim===undefined||options.rtrim===null||options.rtrim===false){options.rtrim=false
}else if(options.rtrim!==true){
throw new Error(`Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`)}
if(options.ltrim===undefined||options.ltrim===null||options.ltrim===false){options.ltrim=false
}else if(options.ltrim!==true){
throw new Error(`Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`)}
if(options.trim===undefined||options.trim===null||options.trim===false){options.trim=false}else if(options.trim!==true){
throw new Error(`Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`)}
if(options.trim===true&&opts.ltrim!==false){options.ltrim=true}else if(options.ltrim!==true){options.ltrim=false}
if(options.trim===true&&opts.rtrim!==false){options.rtrim=true}else if(options.rtrim!==true){options.rtrim=false}
if(options.to===undefined||options.to===null){options.to=-1}else if(options.to!==-1){
if(typeof options.to==="string"&&/\d+/.test(options.to)){options.to=parseInt(options.to)}
if(Number.isInteger(options.to)){if(options.to<=0){
throw new Error(`Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`)}}else{
throw new Error(`Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`)}}
if(options.to_line===undefined||options.to_line===null){options.to_line=-1}else if(options.to_line!==-1){
if(typeof options.to_line==="string"&&/\d+/.test(options.to_line)){options.to_line=parseInt(options.to_line)}
if(Number.isInteger(options.to_line)){if(options.to_line<=0){
throw new Error(`Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`)
}}else{throw new Error(`Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`)}}
return options}
const delimiter_discover=function(records,options){if(!options){({delimiter_auto:options}=normalize_options$1({
delimiter_auto:true}))}if(typeof records==="string"){records=CsvBuffer.from(records)}if(CsvBuffer.isBuffer(records)){
records=(data=>{const records=[]
const parser=transform({delimiter:[]})
const push=record=>records.push(record)
const close=()=>{}
const error=parser.parse(data,true,push,close)
if(error!==undefined)throw error
return records})(records)}const info=Array(127).fill().map(()=>({lines:[]}))
records.map(([record],line)=>{for(let i=0,l=record.length;i<l;i++){const code=record.charCodeAt(i)
if(info[code].lines[line]===undefined)info[code].lines[line]=0
info[code].lines[line]++}})
info.map((info,i)=>{info.char_code=i
info.std=std(info.lines)
info.total=info.lines.reduce((acc,val)=>acc+val,0)
info.preferred=!!options.preferred[i]
info.score=options.score(info,options)})
const result=info.reduce((acc,info)=>acc.score>info.score?acc:info,{})
return String.fromCharCode(result.char_code)}
const std=function(array){const n=array.length
if(n===0)return 0
const mean=array.reduce((a,b)=>a+b)/n
return Math.sqrt(array.map(x=>Math.pow(x-mean,2)).reduce((a,b)=>a+b)/n)}
const isRecordEmpty=function(record){
return record.every(field=>field==null||field.toString&&field.toString().trim()==="")}
const cr=13
const nl=10
const boms={utf8:CsvBuffer.from([239,187,191]),utf16le:CsvBuffer.from([255,254])}
const transform=function(original_options={}){const info={bytes:0,bytes_records:0,comment_lines:0,empty_lines:0,
invalid_field_length:0,lines:1,records:0}
const options=normalize_options$1(original_options)
return{info,original_options,options,state:init_state(options),__needMoreData:function(i,bufLen,end){if(end)return false
const{encoding,escape,quote}=this.options
const{quoting,needMoreDataSize,recordDelimiterMaxLength}=this.state
const numOfCharLeft=bufLen-i-1
const requiredLength=Math.max(needMoreDataSize,recordDelimiterMaxLength===0?CsvBuffer.from("\r\n",encoding).length:recordDelimiterMaxLength,quoting?(escape===null?0:escape.length)+quote.length:0,quoting?quote.length+recordDelimiterMaxLength:0)
return numOfCharLeft<requiredLength},parse:function(nextBuf,end,push,close){
const{bom,comment_no_infix,delimiter_auto,encoding,from_line,ltrim,max_record_size,raw,relax_quotes,rtrim,skip_empty_lines,to,to_line}=this.options
let{comment,escape,quote,record_delimiter}=this.options
const{bomSkipped,delimiterDiscovered,delimiterBufPrevious,rawBuffer,escapeIsQuote}=this.state
if(!delimiterDiscovered&&delimiter_auto){let delimiterBuf
if(delimiterBufPrevious===undefined){delimiterBuf=nextBuf
}else if(delimiterBufPrevious!==undefined&&nextBuf===undefined){delimiterBuf=delimiterBufPrevious}else{
delimiterBuf=CsvBuffer.concat([delimiterBufPrevious,nextBuf])}nextBuf=undefined
if(end||delimiterBuf.length>delimiter_auto.size){
this.options.delimiter=[CsvBuffer.from(delimiter_discover(delimiterBuf,this.options.delimiter_auto))]
this.state.previousBuf=delimiterBuf
this.state.delimiterBufPrevious=undefined
this.state.delimiterDiscovered=true}else{this.state.delimiterBufPrevious=delimiterBuf
return}}const{previousBuf}=this.state
let buf
if(previousBuf===undefined){if(nextBuf===undefined){close()
return}else{buf=nextBuf}}else if(previousBuf!==undefined&&nextBuf===undefined){buf=previousBuf}else{
buf=CsvBuffer.concat([previousBuf,nextBuf])}if(bomSkipped===false){if(bom===false){this.state.bomSkipped=true
}else if(buf.length<3){if(end===false){this.state.previousBuf=buf
return}}else{for(const encoding in boms){if(boms[encoding].compare(buf,0,boms[encoding].length)===0){
const bomLength=boms[encoding].length
this.state.bufBytesStart+=bomLength
buf=buf.slice(bomLength)
const options=normalize_options$1({...this.original_options,encoding})
for(const key in options){this.options[key]=options[key]}({comment,escape,quote}=this.options)
break}}this.state.bomSkipped=true}}const bufLen=buf.length
let pos
for(pos=0;pos<bufLen;pos++){if(this.__needMoreData(pos,bufLen,end)){break}if(this.state.wasRowDelimiter===true){
this.info.lines++
this.state.wasRowDelimiter=false}if(to_line!==-1&&this.info.lines>to_line){this.state.stop=true
close()
return}if(this.state.quoting===false&&record_delimiter.length===0){
const record_delimiterCount=this.__autoDiscoverRecordDelimiter(buf,pos)
if(record_delimiterCount){record_delimiter=this.options.record_delimiter}}const chr=buf[pos]
if(raw===true){rawBuffer.append(chr)}if((chr===cr||chr===nl)&&this.state.wasRowDelimiter===false){
this.state.wasRowDelimiter=true}if(this.state.escaping===true){this.state.escaping=false}else{
if(escape!==null&&this.state.quoting===true&&this.__isEscape(buf,pos,chr)&&pos+escape.length<bufLen){if(escapeIsQuote){
if(this.__isQuote(buf,pos+escape.length)){this.state.escaping=true
pos+=escape.length-1
continue}}else{this.state.escaping=true
pos+=escape.length-1
continue}}if(this.state.commenting===false&&this.__isQuote(buf,pos)){if(this.state.quoting===true){
const nextChr=buf[pos+quote.length]
const isNextChrTrimable=rtrim&&this.__isCharTrimable(buf,pos+quote.length)
const isNextChrComment=comment!==null&&this.__compareBytes(comment,buf,pos+quote.length,nextChr)
const isNextChrDelimiter=this.__isDelimiter(buf,pos+quote.length,nextChr)
const isNextChrRecordDelimiter=record_delimiter.length===0?this.__autoDiscoverRecordDelimiter(buf,pos+quote.length):this.__isRecordDelimiter(nextChr,buf,pos+quote.length)
if(escape!==null&&this.__isEscape(buf,pos,chr)&&this.__isQuote(buf,pos+escape.length)){pos+=escape.length-1
}else if(!nextChr||isNextChrDelimiter||isNextChrRecordDelimiter||isNextChrComment||isNextChrTrimable){
this.state.quoting=false
this.state.wasQuoting=true
pos+=quote.length-1
continue}else if(relax_quotes===false){
const err=this.__error(new CsvError$1("CSV_INVALID_CLOSING_QUOTE",["Invalid Closing Quote:",`got "${String.fromCharCode(nextChr)}"`,`at line ${this.info.lines}`,"instead of delimiter, record delimiter, trimable character","(if activated) or comment"],this.options,this.__infoField()))
if(err!==undefined)return err}else{this.state.quoting=false
this.state.wasQuoting=true
this.state.field.prepend(quote)
pos+=quote.length-1}}else{if(this.state.field.length!==0){if(relax_quotes===false){const info=this.__infoField()
const bom=Object.keys(boms).map(b=>boms[b].equals(this.state.field.toString())?b:false).filter(Boolean)[0]
const err=this.__error(new CsvError$1("INVALID_OPENING_QUOTE",["Invalid Opening Quote:",`a quote is found on field ${JSON.stringify(info.column)} at line ${info.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,bom?`(${bom} bom)`:undefined],this.options,info,{
field:this.state.field}))
if(err!==undefined)return err}}else{this.state.quoting=true
pos+=quote.length-1
continue}}}if(this.state.quoting===false){const recordDelimiterLength=this.__isRecordDelimiter(chr,buf,pos)
if(recordDelimiterLength!==0){
const skipCommentLine=this.state.commenting&&this.state.wasQuoting===false&&this.state.record.length===0&&this.state.field.length===0
if(skipCommentLine){this.info.comment_lines++}else{
if(this.state.enabled===false&&this.info.lines+(this.state.wasRowDelimiter===true?1:0)>=from_line){
this.state.enabled=true
this.__resetField()
this.__resetRecord()
pos+=recordDelimiterLength-1
continue}
if(skip_empty_lines===true&&this.state.wasQuoting===false&&this.state.record.length===0&&this.state.field.length===0){
this.info.empty_lines++
pos+=recordDelimiterLength-1
continue}this.info.bytes=this.state.bufBytesStart+pos
const errField=this.__onField()
if(errField!==undefined)return errField
this.info.bytes=this.state.bufBytesStart+pos+recordDelimiterLength
const errRecord=this.__onRecord(push)
if(errRecord!==undefined)return errRecord
if(to!==-1&&this.info.records>=to){this.state.stop=true
close()
return}}this.state.commenting=false
pos+=recordDelimiterLength-1
continue}if(this.state.commenting){continue}
if(comment!==null&&(comment_no_infix===false||this.state.record.length===0&&this.state.field.length===0)){
const commentCount=this.__compareBytes(comment,buf,pos,chr)
if(commentCount!==0){this.state.commenting=true
continue}}const delimiterLength=this.__isDelimiter(buf,pos,chr)
if(delimiterLength!==0){this.info.bytes=this.state.bufBytesStart+pos
const errField=this.__onField()
if(errField!==undefined)return errField
pos+=delimiterLength-1
continue}}}if(this.state.commenting===false){
if(max_record_size!==0&&this.state.record_length+this.state.field.length>max_record_size){
return this.__error(new CsvError$1("CSV_MAX_RECORD_SIZE",["Max Record Size:","record exceed the maximum number of tolerated bytes",`of ${max_record_size}`,`at line ${this.info.lines}`],this.options,this.__infoField()))
}}const lappend=ltrim===false||this.state.quoting===true||this.state.field.length!==0||!this.__isCharTrimable(buf,pos)
const rappend=rtrim===false||this.state.wasQuoting===false
if(lappend===true&&rappend===true){this.state.field.append(chr)}else if(rtrim===true&&!this.__isCharTrimable(buf,pos)){
return this.__error(new CsvError$1("CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",["Invalid Closing Quote:","found non trimable byte after quote",`at line ${this.info.lines}`],this.options,this.__infoField()))
}else{if(lappend===false){pos+=this.__isCharTrimable(buf,pos)-1}continue}}if(end===true){if(this.state.quoting===true){
const err=this.__error(new CsvError$1("CSV_QUOTE_NOT_CLOSED",["Quote Not Closed:",`the parsing is finished with an opening quote at line ${this.info.lines}`],this.options,this.__infoField()))
if(err!==undefined)return err}else{
if(this.state.wasQuoting===true||this.state.record.length!==0||this.state.field.length!==0){
this.info.bytes=this.state.bufBytesStart+pos
const errField=this.__onField()
if(errField!==undefined)return errField
const errRecord=this.__onRecord(push)
if(errRecord!==undefined)return errRecord}else if(this.state.wasRowDelimiter===true){this.info.empty_lines++
}else if(this.state.commenting===true){this.info.comment_lines++}}}else{this.state.bufBytesStart+=pos
this.state.previousBuf=buf.slice(pos)}if(this.state.wasRowDelimiter===true){this.info.lines++
this.state.wasRowDelimiter=false}},__onRecord:function(push){
const{columns,group_columns_by_name,encoding,info,from,relax_column_count,relax_column_count_less,relax_column_count_more,raw,skip_records_with_empty_values}=this.options
const{enabled,record}=this.state
if(enabled===false){return this.__resetRecord()}const recordLength=record.length
if(columns===true){if(skip_records_with_empty_values===true&&isRecordEmpty(record)){this.__resetRecord()
return}return this.__firstLineToColumns(record)}if(columns===false&&this.info.records===0){
this.state.expectedRecordLength=recordLength}if(recordLength!==this.state.expectedRecordLength){
const err=columns===false?new CsvError$1("CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",["Invalid Record Length:",`expect ${this.state.expectedRecordLength},`,`got ${recordLength} on line ${this.info.lines}`],this.options,this.__infoField(),{
record
}):new CsvError$1("CSV_RECORD_INCONSISTENT_COLUMNS",["Invalid Record Length:",`columns length is ${columns.length},`,`got ${recordLength} on line ${this.info.lines}`],this.options,this.__infoField(),{
record})
if(relax_column_count===true||relax_column_count_less===true&&recordLength<this.state.expectedRecordLength||relax_column_count_more===true&&recordLength>this.state.expectedRecordLength){
this.info.invalid_field_length++
this.state.error=err}else{const finalErr=this.__error(err)
if(finalErr)return finalErr}}if(skip_records_with_empty_values===true&&isRecordEmpty(record)){this.__resetRecord()
return}if(this.state.recordHasError===true){this.__resetRecord()
this.state.recordHasError=false
return}this.info.records++
if(from===1||this.info.records>=from){const{objname}=this.options
if(columns!==false){const obj={}
for(let i=0,l=record.length;i<l;i++){if(columns[i]===undefined||columns[i].disabled)continue
if(group_columns_by_name===true&&Object.hasOwn(obj,columns[i].name)){if(Array.isArray(obj[columns[i].name])){
obj[columns[i].name]=obj[columns[i].name].concat(record[i])}else{obj[columns[i].name]=[obj[columns[i].name],record[i]]}
}else{Object.defineProperty(obj,columns[i].name,{value:record[i],enumerable:true,writable:true,configurable:true})}}
if(raw===true||info===true){const extRecord=Object.assign({record:obj},raw===true?{
raw:this.state.rawBuffer.toString(encoding)}:{},info===true?{info:this.__infoRecord()}:{})
const err=this.__push(objname===undefined?extRecord:[obj[objname],extRecord],push)
if(err){return err}}else{const err=this.__push(objname===undefined?obj:[obj[objname],obj],push)
if(err){return err}}}else{if(raw===true||info===true){const extRecord=Object.assign({record},raw===true?{
raw:this.state.rawBuffer.toString(encoding)}:{},info===true?{info:this.__infoRecord()}:{})
const err=this.__push(objname===undefined?extRecord:[record[objname],extRecord],push)
if(err){return err}}else{const err=this.__push(objname===undefined?record:[record[objname],record],push)
if(err){return err}}}}this.__resetRecord()},__firstLineToColumns:function(record){const{firstLineToHeaders}=this.state
try{const headers=firstLineToHeaders===undefined?record:firstLineToHeaders.call(null,record)
if(!Array.isArray(headers)){
return this.__error(new CsvError$1("CSV_INVALID_COLUMN_MAPPING",["Invalid Column Mapping:","expect an array from column function,",`got ${JSON.stringify(headers)}`],this.options,this.__infoField(),{
headers}))}const normalizedHeaders=normalize_columns_array(headers)
this.state.expectedRecordLength=normalizedHeaders.length
this.options.columns=normalizedHeaders
this.__resetRecord()
return}catch(err){return err}},__resetRecord:function(){if(this.options.raw===true){this.state.rawBuffer.reset()}
this.state.error=undefined
this.state.record=[]
this.state.record_length=0},__onField:function(){const{cast,encoding,rtrim,max_record_size}=this.options
const{enabled,wasQuoting}=this.state
if(enabled===false){return this.__resetField()}let field=this.state.field.toString(encoding)
if(rtrim===true&&wasQuoting===false){field=field.trimRight()}if(cast===true){const[err,f]=this.__cast(field)
if(err!==undefined)return err
field=f}this.state.record.push(field)
if(max_record_size!==0&&typeof field==="string"){this.state.record_length+=field.length}this.__resetField()},
__resetField:function(){this.state.field.reset()
this.state.wasQuoting=false},__push:function(record,push){const{on_record}=this.options
if(on_record!==undefined){const info=this.__infoRecord()
try{record=on_record.call(null,record,info)}catch(err){return err}if(record===undefined||record===null){return}}
this.info.bytes_records+=this.info.bytes
push(record)},__cast:function(field){const{columns,relax_column_count}=this.options
const isColumns=Array.isArray(columns)
if(isColumns===true&&relax_column_count&&this.options.columns.length<=this.state.record.length){
return[undefined,undefined]}if(this.state.castField!==null){try{const info=this.__infoField()
return[undefined,this.state.castField.call(null,field,info)]}catch(err){return[err]}}if(this.__isFloat(field)){
return[undefined,parseFloat(field)]}else if(this.options.cast_date!==false){const info=this.__infoField()
return[undefined,this.options.cast_date.call(null,field,info)]}return[undefined,field]},
__compareBytes:function(sourceBuf,targetBuf,targetPos,firstByte){if(sourceBuf[0]!==firstByte)return 0
const sourceLength=sourceBuf.length
for(let i=1;i<sourceLength;i++){if(sourceBuf[i]!==targetBuf[targetPos+i])return 0}return sourceLength},
__isCharTrimable:function(buf,pos){const{timchars,timcharFirstBytes}=this.state
const first=buf[pos]
if(first===undefined||timcharFirstBytes[first]===0)return 0
loop1:for(let i=0;i<timchars.length;i++){const timchar=timchars[i]
for(let j=0;j<timchar.length;j++){if(timchar[j]!==buf[pos+j])continue loop1}return timchar.length}return 0},
__isDelimiter:function(buf,pos,chr){const{delimiter,ignore_last_delimiters}=this.options
if(ignore_last_delimiters===true&&this.state.record.length===this.options.columns.length-1){return 0
}else if(ignore_last_delimiters!==false&&typeof ignore_last_delimiters==="number"&&this.state.record.length===ignore_last_delimiters-1){
return 0}loop1:for(let i=0;i<delimiter.length;i++){const del=delimiter[i]
if(del[0]===chr){for(let j=1;j<del.length;j++){if(del[j]!==buf[pos+j])continue loop1}return del.length}}return 0},
__isEscape:function(buf,pos,chr){const{escape}=this.options
if(escape===null)return false
const l=escape.length
if(escape[0]===chr){for(let i=0;i<l;i++){if(escape[i]!==buf[pos+i]){return false}}return true}return false},
__isFloat:function(value){return value-parseFloat(value)+1>=0},__isQuote:function(buf,pos){const{quote}=this.options
if(quote===null)return false
const l=quote.length
for(let i=0;i<l;i++){if(quote[i]!==buf[pos+i]){return false}}return true},__isRecordDelimiter:function(chr,buf,pos){
const{record_delimiter}=this.options
const recordDelimiterLength=record_delimiter.length
loop1:for(let i=0;i<recordDelimiterLength;i++){const rd=record_delimiter[i]
const rdLength=rd.length
if(rd[0]!==chr){continue}for(let j=1;j<rdLength;j++){if(rd[j]!==buf[pos+j]){continue loop1}}return rd.length}return 0},
__autoDiscoverRecordDelimiter:function(buf,pos){const{encoding}=this.options
const rds=[CsvBuffer.from("\r\n",encoding),CsvBuffer.from("\n",encoding),CsvBuffer.from("\r",encoding)]
loop:for(let i=0;i<rds.length;i++){const l=rds[i].length
for(let j=0;j<l;j++){if(rds[i][j]!==buf[pos+j]){continue loop}}this.options.record_delimiter.push(rds[i])
this.state.recordDelimiterMaxLength=rds[i].length
return rds[i].length}return 0},__error:function(msg){const{encoding,raw,skip_records_with_error}=this.options
const err=typeof msg==="string"?new Error(msg):msg
if(skip_records_with_error){this.state.recordHasError=true
if(this.options.on_skip!==undefined){try{this.options.on_skip(err,raw?this.state.rawBuffer.toString(encoding):undefined)
}catch(err){return err}}return undefined}else{return err}},__infoDataSet:function(){return{...this.info,
columns:this.options.columns}},__infoRecord:function(){const{columns,raw,encoding}=this.options
return{...this.__infoDataSet(),bytes_records:this.info.bytes,error:this.state.error,header:columns===true,
index:this.state.record.length,raw:raw?this.state.rawBuffer.toString(encoding):undefined}},__infoField:function(){
const{columns}=this.options
const isColumns=Array.isArray(columns)
const bytes_records=this.info.bytes_records
return{...this.__infoRecord(),bytes_records,
column:isColumns===true?columns.length>this.state.record.length?columns[this.state.record.length].name:null:this.state.record.length,
quoting:this.state.wasQuoting}}}}
const parse=function(data,opts={}){if(typeof data==="string"){data=CsvBuffer.from(data)}
const records=opts&&opts.objname?Object.create(null):[]
const parser=transform(opts)
const push=record=>{if(parser.options.objname===undefined)records.push(record)
else{records[record[0]]=record[1]}}
const close=()=>{}
const error=parser.parse(data,true,push,close)
if(error!==undefined)throw error
return records}
const charCodeOfDot=".".charCodeAt(0)
const reEscapeChar=/\\(\\)?/g
const rePropName=RegExp("[^.[\\]]+"+"|"+"\\[(?:"+"([^\"'][^[]*)"+"|"+"([\"'])((?:(?!\\2)[^\\\\]|\\\\.)*?)\\2"+")\\]"+"|"+"(?=(?:\\.|\\[\\])(?:\\.|\\[\\]|$))","g")
const reIsDeepProp=/\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/
const reIsPlainProp=/^\w*$/
const getTag=function(value){return Object.prototype.toString.call(value)}
const isSymbol=function(value){const type=typeof value
return type==="symbol"||type==="object"&&value&&getTag(value)==="[object Symbol]"}
const isKey=function(value,object){if(Array.isArray(value)){return false}const type=typeof value
if(type==="number"||type==="symbol"||type==="boolean"||!value||isSymbol(value)){return true}
return reIsPlainProp.test(value)||!reIsDeepProp.test(value)||object!=null&&value in Object(object)}
const stringToPath=function(string){const result=[]
if(string.charCodeAt(0)===charCodeOfDot){result.push("")}
string.replace(rePropName,function(match,expression,quote,subString){let key=match
if(quote){key=subString.replace(reEscapeChar,"$1")}else if(expression){key=expression.trim()}result.push(key)})
return result}
const castPath=function(value,object){if(Array.isArray(value)){return value}else{
return isKey(value,object)?[value]:stringToPath(value)}}
const toKey=function(value){if(typeof value==="string"||isSymbol(value))return value
const result=`${value}`
return result=="0"&&1/value==-Infinity?"-0":result}
const get=function(object,path){path=castPath(path,object)
let index=0
const length=path.length
while(object!=null&&index<length){object=object[toKey(path[index++])]}return index&&index===length?object:undefined}
const is_object=function(obj){return typeof obj==="object"&&obj!==null&&!Array.isArray(obj)}
const normalize_columns=function(columns){if(columns===undefined||columns===null){return[undefined,undefined]}
if(typeof columns!=="object"){return[Error('Invalid option "columns": expect an array or an object')]}
if(!Array.isArray(columns)){const newcolumns=[]
for(const k in columns){newcolumns.push({key:k,header:columns[k]})}columns=newcolumns}else{const newcolumns=[]
for(const column of columns){if(typeof column==="string"){newcolumns.push({key:column,header:column})
}else if(typeof column==="object"&&column!==null&&!Array.isArray(column)){if(!column.key){
return[Error('Invalid column definition: property "key" is required')]}if(column.header===undefined){
column.header=column.key}newcolumns.push(column)}else{
return[Error("Invalid column definition: expect a string or an object")]}}columns=newcolumns}return[undefined,columns]}
class CsvError extends Error{constructor(code,message,...contexts){if(Array.isArray(message))message=message.join(" ")
super(message)
if(Error.captureStackTrace!==undefined){Error.captureStackTrace(this,CsvError)}this.code=code
for(const context of contexts){for(const key in context){const value=context[key]
this[key]=CsvBuffer.isBuffer(value)?value.toString():value==null?value:JSON.parse(JSON.stringify(value))}}}}
const underscore=function(str){return str.replace(/([A-Z])/g,function(_,match){return"_"+match.toLowerCase()})}
const normalize_options=function(opts){const options={}
for(const opt in opts){options[underscore(opt)]=opts[opt]}
if(options.bom===undefined||options.bom===null||options.bom===false){options.bom=false}else if(options.bom!==true){
return[new CsvError("CSV_OPTION_BOOLEAN_INVALID_TYPE",["option `bom` is optional and must be a boolean value,",`got ${JSON.stringify(options.bom)}`])]
}if(options.delimiter===undefined||options.delimiter===null){options.delimiter=","
}else if(CsvBuffer.isBuffer(options.delimiter)){options.delimiter=options.delimiter.toString()
}else if(typeof options.delimiter!=="string"){
return[new CsvError("CSV_OPTION_DELIMITER_INVALID_TYPE",["option `delimiter` must be a buffer or a string,",`got ${JSON.stringify(options.delimiter)}`])]
}if(options.quote===undefined||options.quote===null){options.quote='"'}else if(options.quote===true){options.quote='"'
}else if(options.quote===false){options.quote=""}else if(CsvBuffer.isBuffer(options.quote)){
options.quote=options.quote.toString()}else if(typeof options.quote!=="string"){
return[new CsvError("CSV_OPTION_QUOTE_INVALID_TYPE",["option `quote` must be a boolean, a buffer or a string,",`got ${JSON.stringify(options.quote)}`])]
}if(options.quoted===undefined||options.quoted===null){options.quoted=false}
if(options.escape_formulas===undefined||options.escape_formulas===null){options.escape_formulas=false
}else if(typeof options.escape_formulas!=="boolean"){
return[new CsvError("CSV_OPTION_ESCAPE_FORMULAS_INVALID_TYPE",["option `escape_formulas` must be a boolean,",`got ${JSON.stringify(options.escape_formulas)}`])]
}if(options.quoted_empty===undefined||options.quoted_empty===null){options.quoted_empty=undefined}
if(options.quoted_match===undefined||options.quoted_match===null||options.quoted_match===false){
options.quoted_match=null}else if(!Array.isArray(options.quoted_match)){options.quoted_match=[options.quoted_match]}
if(options.quoted_match){for(const quoted_match of options.quoted_match){const isString=typeof quoted_match==="string"
const isRegExp=quoted_match instanceof RegExp
if(!isString&&!isRegExp){
return[new CsvError("CSV_OPTION_QUOTED_MATCH",["option `quoted_match` must be a string or a regex,",`got ${JSON.stringify(options.quoted_match)}`])]
}}}if(options.quoted_string===undefined||options.quoted_string===null){options.quoted_string=false}
if(options.eof===undefined||options.eof===null){options.eof=true}if(options.escape===undefined||options.escape===null){
options.escape='"'}else if(CsvBuffer.isBuffer(options.escape)){options.escape=options.escape.toString()
}else if(typeof options.escape!=="string"){
return[Error(`Invalid Option: escape must be a buffer or a string, got ${JSON.stringify(options.escape)}`)]}
if(options.escape.length>1){
return[Error(`Invalid Option: escape must be one character, got ${options.escape.length} characters`)]}
if(options.header===undefined||options.header===null||options.header===false){options.header=false
}else if(options.header!==true){
throw new CsvError("CSV_INVALID_OPTION_HEADER",["option `header` is expected to be a boolean,",`got ${JSON.stringify(options.header)}`],options)
}if(options.header_as_comment===undefined||options.header_as_comment===null||options.header_as_comment===false){
options.header_as_comment=false}else if(options.header_as_comment===true){options.header_as_comment="#"
}else if(CsvBuffer.isBuffer(options.header_as_comment)){options.header_as_comment=options.header_as_comment.toString()
}else if(typeof options.header_as_comment!=="string"){
throw new CsvError("CSV_INVALID_OPTION_HEADER_AS_COMMENT",["option `header_as_comment` must be a boolean, a string or a buffer,",`got ${JSON.stringify(options.header_as_comment)}`],options)
}const[errColumns,columns]=normalize_columns(options.columns)
if(errColumns!==undefined)return[errColumns]
options.columns=columns
if(options.quoted===undefined||options.quoted===null){options.quoted=false}
if(options.cast===undefined||options.cast===null){options.cast={}}
if(options.cast.bigint===undefined||options.cast.bigint===null){options.cast.bigint=value=>""+value}
if(options.cast.boolean===undefined||options.cast.boolean===null){options.cast.boolean=value=>value?"1":""}
if(options.cast.date===undefined||options.cast.date===null){options.cast.date=value=>""+value.getTime()}
if(options.cast.number===undefined||options.cast.number===null){options.cast.number=value=>""+value}
if(options.cast.object===undefined||options.cast.object===null){options.cast.object=value=>JSON.stringify(value)}
if(options.cast.string===undefined||options.cast.string===null){options.cast.string=function(value){return value}}
if(options.on_record!==undefined&&typeof options.on_record!=="function"){
return[Error(`Invalid Option: "on_record" must be a function.`)]}
if(options.quote_record_delimiter===undefined||options.quote_record_delimiter===null){
options.quote_record_delimiter=!options.record_delimiter}else if(typeof options.quote_record_delimiter!=="boolean"){
return[new CsvError("CSV_OPTION_QUOTE_RECORD_DELIMITER_INVALID_TYPE",["option `quote_record_delimiter` must be a boolean,",`got ${JSON.stringify(options.quote_record_delimiter)}`])]
}if(options.record_delimiter===undefined||options.record_delimiter===null){options.record_delimiter="\n"
}else if(CsvBuffer.isBuffer(options.record_delimiter)){options.record_delimiter=options.record_delimiter.toString()
}else if(typeof options.record_delimiter!=="string"){
return[Error(`Invalid Option: record_delimiter must be a buffer or a string, got ${JSON.stringify(options.record_delimiter)}`)]
}switch(options.record_delimiter){case"unix":options.record_delimiter="\n"
break
case"mac":options.record_delimiter="\r"
break
case"windows":options.record_delimiter="\r\n"
break
case"ascii":options.record_delimiter="\x1e"
break
case"unicode":options.record_delimiter="\u2028"
break}return[undefined,options]}
const bom_utf8=CsvBuffer.from([239,187,191])
const emits_separator=function(value,separators){
return separators.some(separator=>separator.length!==0&&(value.indexOf(separator)!==-1||separator.length>1&&(value+separator).indexOf(separator)<value.length))
}
const matches_quoted_match=function(value,quoted_match){if(!quoted_match)return false
return quoted_match.some(pattern=>typeof pattern==="string"?value.indexOf(pattern)!==-1:value.search(pattern)!==-1)}
const stringifier=function(options,state,info){return{options,state,info,__transform:function(chunk,push){
if(!Array.isArray(chunk)&&typeof chunk!=="object"){
return Error(`Invalid Record: expect an array or an object, got ${JSON.stringify(chunk)}`)}if(this.info.records===0){
if(Array.isArray(chunk)){if(this.options.header===true&&this.options.columns===undefined){
return Error("Undiscoverable Columns: header option requires column option or object records")}
}else if(this.options.columns===undefined){const[err,columns]=normalize_columns(Object.keys(chunk))
if(err)return
this.options.columns=columns}}if(this.info.records===0){this.bom(push)
const err=this.headers(push)
if(err)return err}try{if(this.options.on_record){this.options.on_record(chunk,this.info.records)}}catch(err){return err}
let err,chunk_string
if(this.options.eof){[err,chunk_string]=this.stringify(chunk)
if(err)return err
if(chunk_string===undefined){return}else{chunk_string=chunk_string+this.options.record_delimiter}}else{
[err,chunk_string]=this.stringify(chunk)
if(err)return err
if(chunk_string===undefined){return}else{if(this.options.header||this.info.records){
chunk_string=this.options.record_delimiter+chunk_string}}}this.info.records++
push(chunk_string)},stringify:function(chunk,chunkIsHeader=false){if(typeof chunk!=="object"){return[undefined,chunk]}
const{columns}=this.options
const record=[]
if(Array.isArray(chunk)){const length=columns?Math.min(chunk.length,columns.length):chunk.length
for(let i=0;i<length;i++){const field=chunk[i]
const[err,value]=this.__cast(field,{index:i,column:i,records:this.info.records,header:chunkIsHeader})
if(err)return[err]
record[i]=[value,field]}}else{for(let i=0;i<columns.length;i++){const field=get(chunk,columns[i].key)
const[err,value]=this.__cast(field,{index:i,column:columns[i].key,records:this.info.records,header:chunkIsHeader})
if(err)return[err]
record[i]=[value,field]}}let csvrecord=""
for(let i=0;i<record.length;i++){let options,err
let[value,field]=record[i]
if(typeof value==="string"){options=this.options}else if(is_object(value)){options={...value}
value=options.value
delete options.value
if(typeof value!=="string"&&value!==undefined&&value!==null){
if(err)return[Error(`Invalid Casting Value: returned value must return a string, null or undefined, got ${JSON.stringify(value)}`)]
}options={...this.options,...options};[err,options]=normalize_options(options)
if(err!==undefined){return[err]}}else if(value===undefined||value===null){options=this.options}else{
return[Error(`Invalid Casting Value: returned value must return a string, an object, null or undefined, got ${JSON.stringify(value)}`)]
}
const{delimiter,escape,quote,quoted,quoted_empty,quoted_string,quoted_match,record_delimiter,quote_record_delimiter,escape_formulas}=options
if(""===value&&""===field){const quotedMatch=matches_quoted_match(value,quoted_match)
const shouldQuote=quotedMatch||true===quoted_empty||true===quoted_string&&false!==quoted_empty
if(shouldQuote===true){value=quote+value+quote}csvrecord+=value}else if(value){if(typeof value!=="string"){
return[Error(`Formatter must return a string, null or undefined, got ${JSON.stringify(value)}`)]}
const containsdelimiter=emits_separator(value,[delimiter])
const containsQuote=quote!==""&&value.indexOf(quote)>=0
const containsEscape=value.indexOf(escape)>=0&&escape!==quote
const containsRecordDelimiter=emits_separator(value,[record_delimiter,...quote_record_delimiter===false?[]:["\n","\r"]])
const quotedString=quoted_string&&typeof field==="string"
const quotedMatch=matches_quoted_match(value,quoted_match)
if(escape_formulas){switch(value[0]){case"-":if(typeof field==="number"||typeof field==="bigint"){break}
value=`'${value}`
break
case"=":case"+":case"@":case"\t":case"\r":case"\uff1d":case"\uff0b":case"\uff0d":case"\uff20":value=`'${value}`
break}}
const shouldQuote=containsQuote===true||containsdelimiter||containsRecordDelimiter||quoted||quotedString||quotedMatch
if(shouldQuote===true&&containsEscape===true){value=value.replaceAll(escape,()=>escape+escape)}if(containsQuote===true){
value=value.replaceAll(quote,()=>escape+quote)}if(shouldQuote===true){value=quote+value+quote}csvrecord+=value
}else if(quoted_empty===true||field===""&&quoted_string===true&&quoted_empty!==false){csvrecord+=quote+quote}
if(i!==record.length-1){csvrecord+=delimiter}}return[undefined,csvrecord]},bom:function(push){
if(this.options.bom!==true){return}push(bom_utf8)},headers:function(push){if(this.options.header===false){return}
if(this.options.columns===undefined){return}let err
let headers=this.options.columns.map(column=>column.header)
if(this.options.eof){[err,headers]=this.stringify(headers,true)
headers+=this.options.record_delimiter}else{[err,headers]=this.stringify(headers,true)}if(err)return err
if(this.options.header_as_comment){headers=this.options.header_as_comment+" "+headers}push(headers)},
__cast:function(value,context){const type=typeof value
try{if(type==="string"){return[undefined,this.options.cast.string(value,context)]}else if(type==="bigint"){
return[undefined,this.options.cast.bigint(value,context)]}else if(type==="number"){
return[undefined,this.options.cast.number(value,context)]}else if(type==="boolean"){
return[undefined,this.options.cast.boolean(value,context)]}else if(value instanceof Date){
return[undefined,this.options.cast.date(value,context)]}else if(type==="object"&&value!==null){
return[undefined,this.options.cast.object(value,context)]}else if(value===null&&this.options.cast.null!==undefined){
return[undefined,this.options.cast.null(value,context)]
}else if(value===undefined&&this.options.cast.undefined!==undefined){
return[undefined,this.options.cast.undefined(value,context)]}else{return[undefined,value]}}catch(err){return[err]}}}}
const stringify=function(records,opts={}){const data=[]
const[err,options]=normalize_options(opts)
if(err!==undefined)throw err
const state={stop:false}
const info={records:0}
const api=stringifier(options,state,info)
for(const record of records){const err=api.__transform(record,function(record){data.push(record)})
if(err!==undefined)throw err}if(data.length===0){api.bom(d=>{data.push(d)})
const err=api.headers(headers=>{data.push(headers)})
if(err!==undefined)throw err}return data.join("")}
const CSV_EOL='\r\n'
const STRINGIFY_OPTIONS={delimiter:',',quote:'"',escape:'"',record_delimiter:CSV_EOL,quote_record_delimiter:true,
bom:false,cast:{boolean:value=>value?'true':'false'}}
const toCells=(header,row)=>Array.isArray(row)?row:header.map(name=>row[name])
function toCsv(header,rows,opts={}){const records=opts.includeHeader===false?[]:[header]
for(const row of rows)records.push(toCells(header,row))
if(records.length===0)return''
return stringify(records,{...STRINGIFY_OPTIONS,eof:opts.trailingLineEnd!==false})}function csvLine(values){
return stringify([values],{...STRINGIFY_OPTIONS,eof:false})}function neutralizeCell(value){
if(typeof value!=='string'||value==='')return value
const c=value.charCodeAt(0)
return c===61||c===43||c===45||c===64||c===9||c===13?`'${value}`:value}function toReportCsv(header,rows,opts={}){
return toCsv(header.map(h=>String(neutralizeCell(h))),rows.map(r=>r.map(neutralizeCell)),opts)}
const isBreak=c=>c==='\r'||c==='\n'
function countBreaks(text){let n=0
for(let i=0;i<text.length;i++){const c=text.charCodeAt(i)
if(c===10||c===13&&text.charCodeAt(i+1)!==10)n++}return n}function findStrayQuote(record){let i=0
while(i<=record.length){if(record[i]==='"'){i++
for(;;){const q=record.indexOf('"',i)
if(q<0)return-1
if(record[q+1]==='"'){i=q+2
continue}if(q+1<record.length&&record[q+1]!==',')return q
i=q+1
break}}else{const comma=record.indexOf(',',i)
if(comma<0)return-1
i=comma}if(i>=record.length)return-1
i++}return-1}function lineStartsOf(text){const starts=text.length>0?[0]:[]
for(let i=0;i<text.length;i++){const c=text.charCodeAt(i)
if(c===13&&text.charCodeAt(i+1)===10)i++
if((c===10||c===13)&&i+1<text.length)starts.push(i+1)}return starts}function parsePass(input,firstLine){const items=[]
let line=firstLine
const place=(raw,ended)=>{let lead=0
while(lead<raw.length&&isBreak(raw[lead]))lead++
const body=raw.slice(lead,ended?raw.length-1:raw.length)
const start=line+lead
const endLine=start+countBreaks(body)
line=endLine+(ended?1:0)
return{start,endLine,body}}
parse(input,{bom:false,delimiter:',',quote:'"',escape:'"',record_delimiter:['\r\n','\n','\r'],skip_empty_lines:true,
relax_quotes:true,relax_column_count:true,skip_records_with_error:true,raw:true,on_record:withRaw=>{
const{record,raw}=withRaw
const ended=raw.length>0&&isBreak(raw[raw.length-1])
const{start,endLine,body}=place(raw,ended)
const stray=body.indexOf('"')<0?-1:findStrayQuote(body)
if(stray>=0){const at=start+countBreaks(body.slice(0,stray))
items.push({kind:'problem',lineNumber:start,endLine,code:'STRAY_QUOTE',
message:`text after a closing quote on line ${at}: ${JSON.stringify(body.slice(Math.max(0,stray-20),stray+20))}`})}else{
items.push({kind:'record',lineNumber:start,endLine,fields:record})}return null},on_skip:(err,raw)=>{
const{start,endLine}=place(raw??'',false)
const unclosed=err?.code==='CSV_QUOTE_NOT_CLOSED'
items.push({kind:'problem',lineNumber:start,endLine,code:unclosed?'UNCLOSED_QUOTE':'PARSE_ERROR',
message:unclosed?`a quoted field opened on line ${start} is never closed`:err?.message??'unreadable record'})
return undefined}})
return items}const MAX_RESYNCS=20
function parseCsvRecords(text,fileName='',width){const records=[]
const problems=[]
const input=text.charCodeAt(0)===65279?text.slice(1):text
const starts=lineStartsOf(input)
let columns=width
let resyncs=0
let from=1
const take=items=>{for(const it of items){const multiLine=it.endLine>it.lineNumber
if(it.kind==='problem'){const resync=multiLine||it.code==='UNCLOSED_QUOTE'
problems.push({fileName,lineNumber:it.lineNumber,code:it.code,
message:resync?`${it.message}; line ${it.lineNumber} is reported alone and reading goes on at line ${it.lineNumber+1}`:it.message
})
if(resync)return it.lineNumber+1
continue}if(columns===undefined)columns=it.fields.length
else if(multiLine&&it.fields.length!==columns){problems.push({fileName,lineNumber:it.lineNumber,code:'UNBALANCED_QUOTE',
message:`a quote on line ${it.lineNumber} runs to line ${it.endLine} and leaves ${it.fields.length} fields where the header has ${columns} columns; line ${it.lineNumber} is reported alone and reading goes on at line ${it.lineNumber+1}`
})
return it.lineNumber+1}records.push({lineNumber:it.lineNumber,endLine:it.endLine,fields:it.fields})}return null}
while(from<=starts.length){if(resyncs>=MAX_RESYNCS){for(let l=from;l<=starts.length;l++){
const end=l<starts.length?starts[l]:input.length
take(parsePass(input.slice(starts[l-1],end),l).filter(it=>it.lineNumber===l))}break}
const next=take(parsePass(input.slice(starts[from-1]),from))
if(next===null)break
from=next
resyncs++}return{records,problems}}function physicalLineCount(text){
return lineStartsOf(text.charCodeAt(0)===65279?text.slice(1):text).length}function setOwn(target,key,value){
Object.defineProperty(target,key,{value,enumerable:true,writable:true,configurable:true})}
const normalizeHeaderName=name=>name.toLowerCase().replace(/[\s_-]+/g,'')
function readCsv(text,opts){const fileName=opts.fileName??''
const{records,problems}=parseCsvRecords(text,fileName)
const byName=new Map
for(const spec of opts.columns){
for(const name of[spec.name,...spec.aliases??[]])byName.set(normalizeHeaderName(name),spec.name)}const first=records[0]
const headerProblem=problems.length>0&&(!first||problems[0].lineNumber<first.lineNumber)
if(!first||headerProblem){if(!first&&problems.length===0){problems.push({fileName,lineNumber:1,code:'EMPTY_FILE',
message:'the file has no header row'})}return{header:[],headerLine:0,matched:{},rows:[],problems,
missingColumns:opts.columns.filter(c=>c.required).map(c=>c.name)}}const header=first.fields
const matched={}
const target=header.map((name,i)=>{const canonical=byName.get(normalizeHeaderName(name))
if(canonical===undefined)return undefined
if(matched[canonical]!==undefined){problems.push({fileName,lineNumber:first.lineNumber,code:'DUPLICATE_COLUMN',
message:`column ${i+1} "${name}" is another "${canonical}" column (first: "${matched[canonical]}")`})
return undefined}matched[canonical]=name
return canonical})
const missingColumns=opts.columns.filter(c=>c.required&&matched[c.name]===undefined).map(c=>c.name)
const rows=[]
for(let r=1;r<records.length;r++){const{lineNumber,endLine,fields}=records[r]
if(fields.length!==header.length){problems.push({fileName,lineNumber,code:'WRONG_COLUMN_COUNT',
message:`${fields.length} fields where the header has ${header.length} columns`})
continue}if(fields.every(f=>f===''))continue
const values={}
for(const spec of opts.columns)values[spec.name]=''
const extra={}
const original={}
for(let i=0;i<fields.length;i++){const canonical=target[i]
if(canonical!==undefined)values[canonical]=fields[i]
else setOwn(extra,header[i],fields[i])
if(!Object.prototype.hasOwnProperty.call(original,header[i]))setOwn(original,header[i],fields[i])}rows.push({lineNumber,
endLine,values,extra,original,fields})}problems.sort((a,b)=>a.lineNumber-b.lineNumber)
return{header,headerLine:first.lineNumber,matched,rows,problems,missingColumns}}
const PARTY_IDENTIFICATION_HEADER=['partyId','partyIdentificationTypeId','idValue']
const HISTORICAL_CUSTOMER_HEADER=['first-name','last-name','external-id','party-identifications']
const ERROR_REPORT_HEADER=['fileName','lineNumber','HCCustomerId','errorCode','errorMessage']
const DRY_RUN_REPORT_HEADER=['fileName','lineNumber','HCCustomerId','outcome','customerId','errorCode','errorMessage']
const CUSTOMER_FEED_COLUMNS=[{name:'HCCustomerId',aliases:['HC Customer Id','HC Customer ID'],required:true},{
name:'firstName',aliases:['First Name']},{name:'lastName',aliases:['Last Name']},{name:'email',aliases:['Email']},{
name:'phone',aliases:['Phone']},{name:'HCShopifyCustomerId',aliases:['HC Shopify Customer Id','HC Shopify Customer ID']
},{name:'externalId',aliases:['External Id','External ID']},{name:'individual',aliases:['Individual']},{name:'status',
aliases:['Status']},{name:'subsidiary',aliases:['Subsidiary','Subsdiary']},{name:'taxable',aliases:['Taxable']},{
name:'defaultOrderPriority',aliases:['Default Order Priority']},{name:'accountSource',aliases:['Account Origin']},{
name:'companyName',aliases:['Company Name']}]
function readCustomerFeed(text,fileName=''){const feed=readCsv(text,{columns:CUSTOMER_FEED_COLUMNS,fileName})
const names=feed.header.map(normalizeHeaderName)
let dup=feed.problems.filter(p=>p.code==='DUPLICATE_COLUMN').map(p=>p.message)
if(!dup.length)dup=feed.header.filter((_h,i)=>names[i]&&names.indexOf(names[i])<i).map(h=>`"${h}"`)
const refusal=dup.length?`a column is named twice, which one is meant is unknown (${dup.join('; ')}): have HotWax send it once`:null
const ext=feed.matched.externalId
const legacy=feed.matched.HCCustomerId===undefined&&ext!==undefined&&/\s/.test(ext)
if(!legacy)return{...feed,legacyKeyColumn:null,refusal}
for(const row of feed.rows)row.values.HCCustomerId=row.values.externalId
return{...feed,missingColumns:feed.missingColumns.filter(c=>c!=='HCCustomerId'),legacyKeyColumn:ext,refusal}}
class SyncError extends Error{constructor(code,message){super(message)
this.code=code
this.name=code}}const SYNC_ERROR_CODES={parameterInvalid:'HC_PARAMETER_INVALID',
sftpConfigInvalid:'HC_SFTP_CONFIG_INVALID',sftpConfigMissing:'HC_SFTP_CONFIG_MISSING',
checkpointConflict:'HC_CHECKPOINT_CONFLICT',historicalUploadFailed:'HC_HISTORICAL_UPLOAD_FAILED',
exportInputFailed:'HC_EXPORT_INPUT_FAILED',runHistoryNotWritten:'HC_RUN_HISTORY_NOT_WRITTEN',
historicalFolderUnknown:'HC_HISTORICAL_FOLDER_UNKNOWN',feedNotWaiting:'HC_FEED_NOT_WAITING',
dryRunNotChecked:'HC_DRY_RUN_NOT_CHECKED'}
function describeError(e){if(e&&typeof e==='object'){const o=e
const code=typeof o.name==='string'&&o.name?o.name:'UNEXPECTED_ERROR'
const message=typeof o.message==='string'?o.message:String(e)
return{code,message}}return{code:'UNEXPECTED_ERROR',message:String(e)}}class RunSummary{constructor(log,script){
this.log=log
this.script=script
this.done=false}write(details,title=`${this.script} summary`){this.log.audit({title,details:JSON.stringify(details)})
this.done=true}writeText(details){this.log.audit({title:`${this.script} summary`,details})
this.done=true}get written(){return this.done}}function asSuiteScriptError(error,e){
return e instanceof SyncError?error.create({name:e.code,message:e.message,notifyOff:false}):e}
function endInError(error,summary,e,record){const{code,message}=describeError(e)
const details={error:{code,message:redactSecrets(message)}}
if(!summary.written)try{summary.write(details)
record?.({...details,failed:true})}catch{}return asSuiteScriptError(error,e)}
const redactSecrets=s=>s.replace(/\b(password|passphrase|secret|token|key)(\s*[=:]\s*)\S+/gi,'$1$2[redacted]')
const UNITS={searchPage:10,searchLoad:5,runPaged:5,pageFetch:5,lookupFields:1,customerCreate:5,customerSave:10,
customerSubmitFields:5,folderCreate:5,folderSave:10,folderSubmitFields:5,customRecordCreate:2,customRecordSave:4,
customRecordSubmitFields:2,fileLoad:10,fileSave:20,fileDelete:20,sftpTransfer:100,sftpOther:10,taskSubmit:20}
const RUN_HISTORY_UNITS=UNITS.customRecordCreate+UNITS.customRecordSave+UNITS.searchPage+2*UNITS.customRecordSave
const STOP_RESERVE=UNITS.customRecordCreate+UNITS.customRecordSave+UNITS.taskSubmit+RUN_HISTORY_UNITS
const TIME_LIMITS={scheduled:{limitMs:36e5,marginMs:6e5},getInputData:{limitMs:36e5,marginMs:6e5},map:{limitMs:3e5,
marginMs:6e4},reduce:{limitMs:9e5,marginMs:15e4},summarize:{limitMs:36e5,marginMs:6e5},suitelet:{limitMs:3e5,
marginMs:6e4}}
class GovernanceBudget{constructor(meter,reserve=STOP_RESERVE,time){this.meter=meter
this.reserve=reserve
this.time=time
this.refused=null
this.startedWith=meter.remaining()
this.startedAt=time?time.clock.now():0}canAfford(units){const left=this.meter.remaining()
if(left-units<this.reserve)return this.refuse('units')
if(this.time){const spare=this.spareMs()
if(spare<=0||this.predictedMs(units,left)>spare)return this.refuse('time')}return true}howMany(unitsEach,fixed=0){
const left=this.meter.remaining()
const spare=left-this.reserve-fixed
const byUnits=spare<=0?0:Math.floor(spare/unitsEach)
let n=byUnits
if(this.time){const spareMs=this.spareMs()-this.predictedMs(fixed,left)
const eachMs=this.predictedMs(unitsEach,left)
const byTime=spareMs<=0?0:eachMs>0?Math.floor(spareMs/eachMs):byUnits
n=Math.min(byUnits,byTime)
if(n<1&&byUnits>=1)this.refused='time'}if(n<1&&byUnits<1)this.refused='units'
return n}used(){return this.startedWith-this.meter.remaining()}elapsedMs(){
return this.time?this.time.clock.now()-this.startedAt:0}stoppedFor(){return this.refused}refuse(why){this.refused=why
return false}spareMs(){return this.time?this.time.limit.limitMs-this.time.limit.marginMs-this.elapsedMs():Infinity}
predictedMs(units,left){const used=this.startedWith-left
return used>0?units*this.elapsedMs()/used:0}}function scheduledBudget(script,clock={now:()=>Date.now()}){
return new GovernanceBudget({remaining:()=>script.getRemainingUsage()},STOP_RESERVE,{limit:TIME_LIMITS.scheduled,clock})
}const SFTP_RECORD={type:'customrecord_ns_sftp_configuration',label:'HC SFTP Configuration',fields:{
host:'custrecord_ns_sftp_server',username:'custrecord_ns_sftp_userid',port:'custrecord_ns_sftp_port_no',
hostKey:'custrecord_ns_sftp_host_key',credential:'custrecord_ns_sftp_guid',
defaultDirectory:'custrecord_ns_sftp_default_file_dir'}}
const FIX={host:'enter the SFTP host name HotWax gave you',username:'enter the SFTP user name',
port:'enter the port as a whole number from 1 to 65535 (usually 22)',
hostKey:"paste the server's public host key: the base64 part of `ssh-keyscan -t ecdsa <host>` (optionally with its type prefix)",
credential:'enter the script id of the API secret holding the password (Setup > Company > API Secrets, custsecret_\u2026) or of the SSH key (custkey_\u2026)',
defaultDirectory:'enter the absolute base directory, e.g. /home/<sftp-user>/netsuite/'}
function problem(recordId,field,what){
return new SyncError(SYNC_ERROR_CODES.sftpConfigInvalid,`${SFTP_RECORD.label} (${SFTP_RECORD.type}) record ${recordId}: field ${SFTP_RECORD.fields[field]} ${what}; ${FIX[field]}.`)
}const KEY_TYPES=[['AAAAB3NzaC1yc2','rsa'],['AAAAE2VjZHNh','ecdsa'],['AAAAB3NzaC1kc3','dsa']]
function parseHostKey(raw){const parts=raw.trim().split(/\s+/)
const body=parts.find(p=>/^AAAA[A-Za-z0-9+/]+=*$/.test(p))
if(!body)return null
const type=KEY_TYPES.find(([prefix])=>body.startsWith(prefix))?.[1]
return{body,type}}function normaliseDirectory(dir){const d=dir.trim().replace(/\\/g,'/')
return d.endsWith('/')?d:`${d}/`}function sftpSettingsFrom(values,overrides={}){const id=values.id
const host=values.host.trim()
if(!host)throw problem(id,'host','is empty')
const username=values.username.trim()
if(!username)throw problem(id,'username','is empty')
const portText=values.port.trim()||'22'
const port=Number(portText)
if(!Number.isInteger(port)||port<1||port>65535)throw problem(id,'port',`is "${portText}", not a port number`)
if(!values.hostKey.trim())throw problem(id,'hostKey','is empty (the host key is mandatory)')
const key=parseHostKey(values.hostKey)
if(!key)throw problem(id,'hostKey','does not hold a public key')
const cred=values.credential.trim()
if(!cred)throw problem(id,'credential','is empty')
let credential
if(/^custsecret_?/i.test(cred))credential={kind:'secret',id:cred}
else if(/^custkey_?/i.test(cred))credential={kind:'key',id:cred}
else throw problem(id,'credential','is not an API secret id (custsecret_\u2026) or key id (custkey_\u2026)')
let directory=values.defaultDirectory.trim()
const override=overrides.directory?.value?.trim()
if(override){
if(!override.startsWith('/'))throw new SyncError(SYNC_ERROR_CODES.sftpConfigInvalid,`Script parameter ${overrides.directory?.param} is "${override}": enter an absolute directory starting with /, or leave it empty to use the ${SFTP_RECORD.label} record's default directory.`)
directory=override}if(!directory)throw problem(id,'defaultDirectory','is empty')
if(!directory.startsWith('/'))throw problem(id,'defaultDirectory',`is "${directory}", not absolute`)
return{recordId:id,host,port,username,hostKey:key.body,hostKeyType:key.type,credential,
directory:normaliseDirectory(directory)}}function noSftpRecord(param,chosenId){
return new SyncError(SYNC_ERROR_CODES.sftpConfigMissing,chosenId?`Script parameter ${param} names ${SFTP_RECORD.label} record ${chosenId}, which does not exist or is inactive: choose an active record or clear the parameter.`:`No active ${SFTP_RECORD.label} (${SFTP_RECORD.type}) record exists: create one (Customization > Lists, Records & Fields > Record Types > ${SFTP_RECORD.label} > New) or run HotWax's SFTP setup.`)
}const SFTP_FOLDERS={customerFeed:'customer/export',customerFeedArchive:'customer/export/archive',
customerFeedError:'customer/export/error',customerFeedFailed:'customer/export/failed',
customerFeedMissing:'customer/export/required_fields_missing',partyIdentifications:'customer/import',
partyIdentificationsArchive:'customer/import/archive',historical:'historicalshopifycustomer/csv',
historicalArchive:'historicalshopifycustomer/csv/archive'}
function utcStamp(date){return date.toISOString().replace(/\.\d{3}Z$/,'Z').replace(/[-:]/g,'')}
function uniqueSuffix(random=Math.random){let s=''
for(let i=0;i<6;i++)s+=Math.floor(random()*36).toString(36)
return s}function timestampedCsvName(prefix,date,unique){return`${prefix}-${utcStamp(date)}-${unique}.csv`}
function stem(fileName){return fileName.replace(/\.csv$/i,'')}function alternativeName(fileName,date,unique){
return`${stem(fileName)}-${utcStamp(date)}-${unique}.csv`}function temporaryName(fileName){return`.${fileName}.part`}
function isCsv(fileName){return/\.csv$/i.test(fileName)&&!fileName.startsWith('.')}function textHash(text){
const imul=Math.imul
let h=2166136261
for(let i=0;i<text.length;i++)h=imul(h^text.charCodeAt(i),16777619)
return(h>>>0).toString(16)}const FILE_CONTENT_LIMIT=10*1024*1024
const SFTP_MAX_FILE_SIZE=1e8
const join=(dir,name)=>dir?`${dir.replace(/\/$/,'')}/${name}`:name
function toDate(v){if(v instanceof Date)return v
const d=new Date(String(v))
return isNaN(d.getTime())?new Date(0):d}class SftpFolderClient{constructor(connection,modules,now=()=>new Date){
this.connection=connection
this.modules=modules
this.now=now
this.knownDirs=new Set
this.assumedDirs=new Set}listCsv(dir){const entries=this.connection.list({path:dir,sort:this.modules.sftp.Sort.DATE})
this.knownDirs.add(dir)
return entries.filter(e=>!e.directory&&isCsv(e.name)).map(e=>({name:e.name,size:Number(e.size)||0,
lastModified:toDate(e.lastModified)
})).sort((a,b)=>a.lastModified.getTime()-b.lastModified.getTime()||(a.name<b.name?-1:1))}listEntries(dir){
const entries=this.connection.list({path:dir,sort:this.modules.sftp.Sort.DATE})
this.knownDirs.add(dir)
return entries.filter(e=>e.name!=='.'&&e.name!=='..').map(e=>({name:e.name,directory:!!e.directory,
size:Number(e.size)||0,lastModified:toDate(e.lastModified)
})).sort((a,b)=>a.lastModified.getTime()-b.lastModified.getTime()||(a.name<b.name?-1:1))}download(dir,name){
const file=this.connection.download({directory:dir,filename:name})
if(Number(file.size)<=FILE_CONTENT_LIMIT)return file.getContents()
const lines=[]
file.lines.iterator().each(line=>{lines.push(line.value)
return true})
return lines.length?`${lines.join('\n')}\n`:''}uploadAtomic(dir,name,contents){const temp=temporaryName(name)
const file=this.modules.file.create({name:temp,fileType:this.modules.file.Type.CSV,contents,
encoding:this.modules.file.Encoding.UTF_8})
try{this.withDirectory(dir,()=>this.connection.upload({directory:dir,filename:temp,file,replaceExisting:true}))
}catch(e){this.safeRemove(join(dir,temp))
throw e}try{this.connection.move({from:join(dir,temp),to:join(dir,name)})}catch(first){try{this.connection.removeFile({
path:join(dir,name)})
this.connection.move({from:join(dir,temp),to:join(dir,name)})}catch{this.safeRemove(join(dir,temp))
throw first}}}removeLeftovers(dir){let entries
try{entries=this.connection.list({path:dir,sort:this.modules.sftp.Sort.NAME})}catch{return[]}const removed=[]
for(const e of entries)if(!e.directory&&/^\..+\.part$/.test(e.name)){this.safeRemove(join(dir,e.name))
removed.push(e.name)}return removed}removeTemporary(dir,name){this.safeRemove(join(dir,temporaryName(name)))}
moveWithoutOverwrite(fromDir,name,toDir,alternative){const from=join(fromDir,name)
try{this.withDirectory(toDir,()=>this.connection.move({from,to:join(toDir,name)}),true)
return name}catch(first){const other=alternative??alternativeName(name,this.now(),uniqueSuffix())
try{this.connection.move({from,to:join(toDir,other)})}catch{throw first}return other}}
withDirectory(dir,op,opFirst=false){if(opFirst&&!this.knownDirs.has(dir)){try{op()
this.knownDirs.add(dir)
return}catch{this.ensureDirectory(dir)}}if(!this.knownDirs.has(dir)){try{
if(!this.assumedDirs.has(dir))this.connection.makeDirectory({path:dir})}catch{}this.knownDirs.add(dir)
try{op()
return}catch{this.knownDirs.delete(dir)
this.ensureDirectory(dir)}}op()}assumeDirectory(dir){this.assumedDirs.add(dir)}ensureDirectory(dir){
const absolute=dir.startsWith('/')
let path=''
for(const part of dir.split('/').filter(Boolean)){path=path?`${path}/${part}`:absolute?`/${part}`:part
if(this.knownDirs.has(path))continue
try{this.connection.makeDirectory({path})}catch{}this.knownDirs.add(path)}}safeRemove(path){try{
this.connection.removeFile({path})}catch{}}}function customerFeedFolder(client,feedDir){return{
list:()=>client.listEntries(feedDir),download:name=>client.download(feedDir,name),
writeReport:(folder,name,csv)=>client.uploadAtomic(folder,name,csv),
moveFeed:(name,folder,alternative)=>client.moveWithoutOverwrite(feedDir,name,folder,alternative),
removeLeftovers:folder=>client.removeLeftovers(folder)}}const CHECKPOINT_RECORD={type:'customrecord_hc_sync_checkpoint',
key:'custrecord_hc_cp_key',state:'custrecord_hc_cp_state'}
const SEARCH_TEXT_LIMIT=3999
const checkpointExternalId=key=>`hc_sync_checkpoint_${key}`
class CheckpointStore{constructor(modules,key,hint){this.modules=modules
this.key=key
this.hint=hint
this.id=null}load(){const[R,s,id]=[CHECKPOINT_RECORD,this.modules.search,this.hint?.id]
let text
try{const f=id?s.lookupFields({type:R.type,id,columns:[R.key,R.state,'isinactive']}):{}
if(f[R.key]===this.key&&f.isinactive!==true){this.id=id
text=String(f[R.state]??'')}}catch{}if(text===undefined){const results=s.create({type:R.type,
filters:[[R.key,'is',this.key],'AND',['isinactive','is','F']],columns:[s.createColumn({name:'internalid',sort:s.Sort.ASC
}),R.state]}).run().getRange({start:0,end:1})
if(results.length===0)return null
this.id=results[0].id
this.hint?.remember(this.id)
text=String(results[0].getValue({name:R.state})||'')}if(!text)return null
if(text.length>=SEARCH_TEXT_LIMIT)text=String(this.modules.record.load({type:R.type,id:this.id}).getValue({
fieldId:R.state})||'')
try{return JSON.parse(text)}catch{return null}}save(state){const R=CHECKPOINT_RECORD
const text=JSON.stringify(state)
if(this.id){this.modules.record.submitFields({type:R.type,id:this.id,values:{[R.state]:text},options:{
enableSourcing:false,ignoreMandatoryFields:true}})
return true}const rec=this.modules.record.create({type:R.type})
rec.setValue({fieldId:'externalid',value:checkpointExternalId(this.key)})
rec.setValue({fieldId:R.key,value:this.key})
rec.setValue({fieldId:R.state,value:text})
try{this.id=String(rec.save())
this.hint?.remember(this.id)}catch(e){if(describeError(e).code!=='DUP_RCRD')throw e
return false}return true}}function cachedId(cache,name,key){const c=cache.getCache({name,scope:cache.Scope.PRIVATE})
let id
return{get id(){return id??=String(c.get({key})??'')},remember(found){c.put({key,value:id=found,ttl:86400})}}}
function keepingAnswers(lists,answers){const store=Object.create(lists)
for(const[p,f]of[['s:','statusId'],['u:','subsidiaryExists'],['l:','leadSourceExists']])store[f]=v=>{
const k=p+v.trim().toLowerCase()
const r=answers[k]??lists[f](v)
if(r)answers[k]=r
return r}
return store}const ALIVE=['PROCESSING','RETRY']
const QUEUED_OR_ALIVE=['PENDING',...ALIVE]
function deploymentIsRunning(search,scriptId,deploymentId,statuses=ALIVE){try{return search.create({
type:'scheduledscriptinstance',
filters:[['script.scriptid','is',scriptId],'AND',['scriptdeployment.scriptid','is',deploymentId],'AND',['status','anyof',...statuses]]
}).runPaged({pageSize:5}).count>0}catch{return true}}const CUSTOMER_FIELDS={hcCustomerId:'custentity_hc_customer_id',
shopifyCustomerId:'custentity_hc_shop_cust_id',syncStamp:'custentity_hc_sync_stamp'}
const FIELD_LIMITS={firstname:32,lastname:32,companyname:83,email:254,phone:32,externalid:255,
[CUSTOMER_FIELDS.hcCustomerId]:300,[CUSTOMER_FIELDS.shopifyCustomerId]:300}
const EMAIL_LOCAL=/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/
const EMAIL_DOMAIN=/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/
function isNetSuiteEmail(email){if(email.length>FIELD_LIMITS.email)return false
const at=email.indexOf('@')
if(at<=0||at!==email.lastIndexOf('@'))return false
const local=email.slice(0,at)
const domain=email.slice(at+1)
if(!EMAIL_LOCAL.test(local)||local.startsWith('.')||local.endsWith('.')||local.includes('..'))return false
return EMAIL_DOMAIN.test(domain)&&!domain.split('.').some(l=>l.startsWith('-')||l.endsWith('-'))}
function invalidCharacter(value){for(let i=0;i<value.length;i++){const c=value.charCodeAt(i)
if(c===65533)return{index:i,what:'U+FFFD (bytes that are not UTF-8)'}
if(c===0)return{index:i,what:'NUL'}
if(c<32&&c!==9&&c!==10&&c!==13||c===127)return{index:i,
what:`control character U+${c.toString(16).toUpperCase().padStart(4,'0')}`}
if(c>=55296&&c<=56319){const d=value.charCodeAt(i+1)
if(d>=56320&&d<=57343){i++
continue}return{index:i,what:'a lone surrogate (half a character)'}}if(c>=56320&&c<=57343)return{index:i,
what:'a lone surrogate (half a character)'}}return null}function name(v){const t=(v??'').trim()
return t==='X'?'':t}function parseBoolean(v){const t=v.trim().toLowerCase()
if(!t)return null
if(['t','true','y','yes','1'].includes(t))return true
if(['f','false','n','no','0'].includes(t))return false
return undefined}const DEFAULT_SUBSIDIARY_PARAM='custscript_hc_imp_default_subsidiary'
const lengthCheck=fail=>(column,value,field,label)=>{
if(value.length>FIELD_LIMITS[field])fail('FIELD_TOO_LONG',`${column} is ${value.length} characters; NetSuite's ${label} (${field}) holds at most ${FIELD_LIMITS[field]}`)
}
function checkCharacters(values,extra,fail,fields,headerNames){
const cells=fields??[...Object.values(values),...Object.values(extra)].filter(x=>typeof x==='string')
cells.forEach((cell,i)=>{const bad=invalidCharacter(cell)
if(bad)fail('INVALID_CHARACTER',`${headerNames?.[i]!==undefined?`column "${headerNames[i]}"`:`field ${i+1}`} holds ${bad.what} at character ${bad.index+1}`)
})
for(const k of['HCCustomerId','HCShopifyCustomerId','externalId','subsidiary','status']){const raw=values[k]??''
const at=raw.search(/[\t\n\r]/)
if(at>=0&&!invalidCharacter(raw))fail('INVALID_CHARACTER',`${k} holds a tab or line break at character ${at+1}`)
else if(at<0&&raw.trim()&&raw!==raw.trim())fail('SURROUNDING_WHITESPACE',`${k} ${JSON.stringify(raw)} has whitespace around it (ids are matched exactly)`)
}}function namesOf(values,isPerson,fail,tooLong){const firstName=name(values.firstName)||(isPerson?'X':'')
const lastName=name(values.lastName)||(isPerson?'X':'')
const given=(values.companyName??'').trim()
const companyName=given||[name(values.firstName),name(values.lastName)].filter(Boolean).join(' ')
if(isPerson){tooLong('firstName',firstName,'firstname','First Name')
tooLong('lastName',lastName,'lastname','Last Name')
return{firstName,lastName,companyName:''}}
if(!companyName)fail('MISSING_COMPANY_NAME','individual is F but there is no company name (companyName, or firstName/lastName)',true)
tooLong(given?'companyName':'firstName + lastName',companyName,'companyname','Company Name')
return{firstName:'',lastName:'',companyName}}function contactOf(email,rawPhone,fail,tooLong){
if(email&&!isNetSuiteEmail(email))fail('INVALID_EMAIL',email.length>FIELD_LIMITS.email?`email is ${email.length} characters; NetSuite's Email holds at most ${FIELD_LIMITS.email}`:`email "${email}" is not an address NetSuite accepts`)
const phone=rawPhone.replace(/\s+/g,' ')
if(phone&&phone.replace(/\D/g,'').length<7)fail('INVALID_PHONE',`phone "${phone}" has fewer than 7 digits (NetSuite's minimum)`)
tooLong('phone',phone,'phone','Phone')
return{email,phone}}function otherFieldsOf(v,extra,opts,fail){const taxable=parseBoolean(v('taxable'))
if(taxable===undefined)fail('INVALID_TAXABLE',`taxable "${v('taxable')}" is not TRUE or FALSE`)
const priorityText=v('defaultOrderPriority')
const defaultOrderPriority=priorityText?Number(priorityText):null
if(defaultOrderPriority!==null&&!Number.isFinite(defaultOrderPriority))fail('INVALID_ORDER_PRIORITY',`defaultOrderPriority "${priorityText}" is not a number`)
const leadSource=v('accountSource')
if(leadSource&&!/^-?\d+$/.test(leadSource))fail('INVALID_ACCOUNT_SOURCE',`accountSource "${leadSource}" is not a lead source internal id`)
const extraFields={}
for(const[column,fieldId]of Object.entries(opts.fieldMap)){const value=(extra[column]??'').trim()
if(value)extraFields[fieldId]=value}return{leadSource,taxable:taxable??null,defaultOrderPriority,extraFields}}
function toNewCustomer(values,extra,opts,fields,headerNames){const problems=[]
const fail=(code,message,missingRequired=false)=>problems.push({code,message,missingRequired})
const v=k=>(values[k]??'').trim()
const tooLong=lengthCheck(fail)
checkCharacters(values,extra,fail,fields,headerNames)
const hcCustomerId=v('HCCustomerId')
if(!hcCustomerId)fail('MISSING_HC_CUSTOMER_ID','HCCustomerId is empty',true)
tooLong('HCCustomerId',hcCustomerId,CUSTOMER_FIELDS.hcCustomerId,'HC Customer Id')
const subsidiary=v('subsidiary')||opts.defaultSubsidiary
if(opts.oneWorld&&!subsidiary)fail('MISSING_SUBSIDIARY',`subsidiary is empty and no default subsidiary is set (script parameter ${DEFAULT_SUBSIDIARY_PARAM}); OneWorld needs a primary subsidiary`,true)
if(subsidiary&&!/^\d+$/.test(subsidiary))fail('INVALID_SUBSIDIARY',`subsidiary "${subsidiary}" is not an internal id`)
const individual=parseBoolean(v('individual'))
if(individual===undefined)fail('INVALID_INDIVIDUAL',`individual "${v('individual')}" is not T or F`)
const isPerson=individual!==false
const names=namesOf(values,isPerson,fail,tooLong)
const{email,phone}=contactOf(v('email'),v('phone'),fail,tooLong)
const shopifyCustomerId=v('HCShopifyCustomerId')
tooLong('HCShopifyCustomerId',shopifyCustomerId,CUSTOMER_FIELDS.shopifyCustomerId,'HC Shopify Customer Id')
const externalId=v('externalId')
tooLong('externalId',externalId,'externalid','External ID')
const rest=otherFieldsOf(v,extra,opts,fail)
if(problems.length>0)return rejection(problems)
return{hcCustomerId,shopifyCustomerId,externalId,isPerson,...names,email,phone,statusName:v('status'),subsidiary,...rest
}}function rejection(problems){return{code:problems.map(p=>p.code).join(';'),
message:problems.map(p=>p.message).join('; '),missingRequired:problems.some(p=>p.missingRequired),problems}}
function isProblem(x){return x.code!==undefined}function parseFieldMap(param,text){const t=(text??'').trim()
if(!t)return{}
const invalid=why=>new SyncError(SYNC_ERROR_CODES.parameterInvalid,`Script parameter ${param}${why}`)
const shape='{"<csv column>": "<customer field id>"}'
let parsed
try{parsed=JSON.parse(t)}catch(e){throw invalid(` is not valid JSON (${e.message}): expected ${shape}`)}
if(!parsed||typeof parsed!=='object'||Array.isArray(parsed))throw invalid(` must be a JSON object ${shape}`)
const out={}
for(const[k,val]of Object.entries(parsed)){
if(typeof val!=='string'||!/^[a-z][a-z0-9_]*$/.test(val))throw invalid(`: column "${k}" maps to "${String(val)}", which is not a field id`)
out[k]=val}return out}const PAGE=1e3
function allResults(s){const set=s.run()
const out=[]
for(let start=0;;start+=PAGE){const page=set.getRange({start,end:start+PAGE})
out.push(...page)
if(page.length<PAGE)return out}}
const COLUMNS=['internalid','externalid','email','isinactive',...Object.values(CUSTOMER_FIELDS)]
function anyOf(field,values){const out=[]
for(const v of values){if(out.length)out.push('OR')
out.push([field,'is',v])}return out}class NetSuiteCustomerStore{constructor(m){this.m=m
this.statuses=null
this.subsidiaries=null
this.leadSources=undefined}findCandidates(keys){const groups=[]
if(keys.hcCustomerIds.length)groups.push(anyOf(CUSTOMER_FIELDS.hcCustomerId,keys.hcCustomerIds))
if(keys.externalIds.length)groups.push(anyOf('externalid',keys.externalIds))
if(keys.shopifyCustomerIds.length)groups.push(anyOf(CUSTOMER_FIELDS.shopifyCustomerId,keys.shopifyCustomerIds))
if(keys.emails.length)groups.push(anyOf('email',keys.emails))
if(groups.length===0)return[]
const filters=[]
for(const g of groups){if(filters.length)filters.push('OR')
filters.push(g)}const s=this.m.search.create({type:'customer',filters,
columns:COLUMNS.map(name=>name==='internalid'?this.m.search.createColumn({name,sort:this.m.search.Sort.ASC}):name)})
return allResults(s).map(r=>{const get=name=>String(r.getValue({name})??'')
const stamp=get(CUSTOMER_FIELDS.syncStamp)
const inactive=r.getValue({name:'isinactive'})
return{id:String(r.id),hcCustomerId:get(CUSTOMER_FIELDS.hcCustomerId),externalId:get('externalid'),
shopifyCustomerId:get(CUSTOMER_FIELDS.shopifyCustomerId),email:get('email'),inactive:inactive===true||inactive==='T',
stamp:stamp?Number(stamp):null}})}create(c,statusId,stamp){const set=(rec,fieldId,value)=>{
if(value===''||value===null)return
rec.setValue({fieldId,value})}
const build=entityId=>{const rec=this.m.record.create({type:'customer',isDynamic:false})
set(rec,'isperson',c.isPerson?'T':'F')
if(c.isPerson){set(rec,'firstname',c.firstName)
set(rec,'lastname',c.lastName)}else set(rec,'companyname',c.companyName)
if(entityId)set(rec,'entityid',entityId)
set(rec,'email',c.email)
set(rec,'phone',c.phone)
set(rec,'externalid',c.externalId)
set(rec,'subsidiary',c.subsidiary)
set(rec,'entitystatus',statusId)
set(rec,'leadsource',c.leadSource)
set(rec,'taxable',c.taxable)
set(rec,'defaultorderpriority',c.defaultOrderPriority)
for(const[fieldId,value]of Object.entries(c.extraFields))set(rec,fieldId,value)
set(rec,CUSTOMER_FIELDS.hcCustomerId,c.hcCustomerId)
set(rec,CUSTOMER_FIELDS.shopifyCustomerId,c.shopifyCustomerId)
set(rec,CUSTOMER_FIELDS.syncStamp,stamp)
return rec}
try{return String(build().save({enableSourcing:true,ignoreMandatoryFields:false}))}catch(e){
if(!/DUP_ENTITY|already exists/i.test(`${describeError(e).code} ${describeError(e).message}`))throw e
if(/external/i.test(describeError(e).message))throw e
const name=c.isPerson?`${c.firstName} ${c.lastName}`:c.companyName
return String(build(`${name} (HC ${c.hcCustomerId})`.slice(0,83)).save({enableSourcing:true,ignoreMandatoryFields:false
}))}}update(id,values){this.m.record.submitFields({type:'customer',id,values,options:{enableSourcing:false,
ignoreMandatoryFields:true}})}subsidiaryExists(id){if(!this.subsidiaries){const s=this.m.search.create({
type:'subsidiary',columns:['internalid']})
this.subsidiaries=new Set(allResults(s).map(r=>String(r.id)))}return this.subsidiaries.has(id)}leadSourceExists(id){
if(this.leadSources===undefined){let known=null
for(const type of['leadsource','campaign']){try{const s=this.m.search.create({type,columns:['internalid']})
known=known??new Set
for(const r of allResults(s))known.add(String(r.id))}catch{}}this.leadSources=known}
return this.leadSources?this.leadSources.has(id):null}statusId(name){if(!this.statuses){this.statuses=new Map
const s=this.m.search.create({type:'customerstatus',columns:['name','stage']})
for(const r of allResults(s)){const n=String(r.getValue({name:'name'})??'').trim()
const stage=String(r.getText({name:'stage'})||r.getValue({name:'stage'})||'').trim()
if(n)this.statuses.set(n.toLowerCase(),String(r.id))
if(n&&stage)this.statuses.set(`${stage}-${n}`.toLowerCase(),String(r.id))}}
return this.statuses.get(name.trim().toLowerCase())??null}}function textParam(script,name){const v=script.getParameter({
name})
return v===null||v===undefined?'':String(v).trim()}function checkboxParam(script,name){const v=script.getParameter({name
})
return v===true||v==='T'||v==='true'}function integerParam(script,name,fallback,min=1){const t=textParam(script,name)
if(!t)return fallback
const n=Number(t)
if(!Number.isInteger(n)||n<min)throw new SyncError(SYNC_ERROR_CODES.parameterInvalid,`Script parameter ${name} is "${t}": enter a whole number of at least ${min}, or clear it to use ${fallback}.`)
return n}function loadSftpSettings(search,params,hint){const fieldIds=Object.values(SFTP_RECORD.fields)
const fromRow=(id,get)=>{const values={id}
for(const[key,fieldId]of Object.entries(SFTP_RECORD.fields)){const v=get(fieldId)
values[key]=v===null||v===undefined?'':String(v)}return values}
const byId=id=>{let found
try{found=search.lookupFields({type:SFTP_RECORD.type,id,columns:[...fieldIds,'isinactive']})}catch{return null}
const empty=fieldIds.every(f=>found[f]===undefined||found[f]===null||found[f]==='')
return empty||found.isinactive===true?null:fromRow(id,f=>found[f])}
let values=params.recordValue?byId(params.recordValue):hint?.id?byId(hint.id):null
if(params.recordValue&&!values)throw noSftpRecord(params.record,params.recordValue)
if(!values){const rows=search.create({type:SFTP_RECORD.type,filters:[['isinactive','is','F']],
columns:[search.createColumn({name:'internalid',sort:search.Sort.ASC}),...fieldIds]}).run().getRange({start:0,end:1})
if(rows.length===0)throw noSftpRecord(params.record)
values=fromRow(String(rows[0].id),f=>rows[0].getValue({name:f}))
hint?.remember(values.id)}return sftpSettingsFrom(values,{directory:{param:params.directory,value:params.directoryValue}
})}const cachedSftpHint=cache=>cachedId(cache,'hc_sync_sftp_settings','record')
function openConnection(sftp,s){const base={url:s.host,port:s.port,username:s.username,hostKey:s.hostKey,
directory:s.directory,...s.hostKeyType?{hostKeyType:s.hostKeyType}:{}}
return s.credential.kind==='secret'?sftp.createConnection({...base,secret:s.credential.id}):sftp.createConnection({
...base,keyId:s.credential.id})}function connect(modules,s){let connection
try{connection=openConnection(modules.sftp,s)}catch(e){const{code,message}=describeError(e)
throw new SyncError(code,`Cannot connect to ${s.username}@${s.host}:${s.port} (settings from ${SFTP_RECORD.label} record ${s.recordId}): ${message}`)
}return new SftpFolderClient(connection,modules)}function connectWithScriptParams(m,script,params,hint){
return connect(m,loadSftpSettings(m.search,{record:params.sftpConfig,recordValue:textParam(script,params.sftpConfig),
directory:params.sftpDirectory,directoryValue:textParam(script,params.sftpDirectory)},hint))}
function findFolder(m,nameOrId,create){return folderWithDescription(m,nameOrId,create)?.id??null}
function folderWithDescription(m,nameOrId,create=true){if(/^\d+$/.test(nameOrId)){const found=m.search.lookupFields({
type:'folder',id:nameOrId,columns:['description']})
return{id:nameOrId,description:String(found.description??'')}}const paged=m.search.create({type:'folder',
filters:[['name','is',nameOrId]],columns:[m.search.createColumn({name:'internalid',sort:m.search.Sort.ASC
}),'description']}).runPaged()
const[row]=paged.count?paged.fetch({index:0}).data:[]
if(row)return{id:String(row.id),description:String(row.getValue({name:'description'})??'')}
if(!create)return null
const folder=m.record.create({type:'folder'})
folder.setValue({fieldId:'name',value:nameOrId})
return{id:String(folder.save()),description:''}}function filesInFolder(search,folderId,onlyCsv=true){
const s=search.create({type:'file',filters:[['folder','anyof',folderId]],columns:[search.createColumn({
name:'internalid',sort:search.Sort.ASC}),'name']})
return allResults(s).map(r=>({id:String(r.id),name:String(r.getValue({name:'name'})??'')
})).filter(f=>!onlyCsv||/\.csv$/i.test(f.name))}function cabinetFiles(file,archiveFolderId){return{load:id=>file.load({
id}).getContents(),archive:id=>{const f=file.load({id})
f.folder=Number(archiveFolderId)
f.save()}}}const FEED_COPY_FOLDER='HotWax Customer Feed In Progress'
function feedCopies(m){const quiet=(fallback,op)=>{try{return op()}catch(e){
if(describeError(e).code==='SSS_USAGE_LIMIT_EXCEEDED')throw e
return fallback}}
const idOf=c=>c.fileId??m.search.create({type:'file',filters:[['folder','anyof',c.folderId],'AND',['name','is',c.name]],
columns:[m.search.createColumn({name:'internalid',sort:m.search.Sort.ASC})]}).run().getRange({start:0,end:1
}).map(r=>String(r.id))[0]??null
return{folder:()=>quiet(null,()=>findFolder(m,FEED_COPY_FOLDER,true)),
save:(folderId,name,text)=>quiet(null,()=>String(m.file.create({name,fileType:m.file.Type.CSV,contents:text,
folder:Number(folderId)}).save())),load:c=>quiet(null,()=>{const id=idOf(c)
if(!id)return null
const f=m.file.load({id})
if(String(f.folder)!==c.folderId||f.name!==c.name)return null
return{id,text:f.getContents()}}),remove:c=>quiet(undefined,()=>{const id=idOf(c)
if(id)m.file.delete({id})})}}function reschedule(m,scriptId,deploymentId){try{m.task.create({
taskType:m.task.TaskType.SCHEDULED_SCRIPT,scriptId,deploymentId}).submit()
return true}catch(e){const{code,message}=describeError(e)
m.log.audit({title:'Not rescheduled',
details:`${code}: ${message}. The next scheduled run continues from the checkpoint.`})
return false}}function submitMapReduce(m,scriptId,deploymentId){try{m.task.create({taskType:m.task.TaskType.MAP_REDUCE,
scriptId,deploymentId}).submit()
return'submitted'}catch(e){const{code,message}=describeError(e)
if(code==='SSS_USAGE_LIMIT_EXCEEDED')throw e
m.log.audit({title:`${deploymentId} not submitted`,details:`${code}: ${message}`})
return code==='MAP_REDUCE_ALREADY_RUNNING'?'already queued':'unavailable'}}const emptyCounts=()=>({created:0,linked:0,
alreadyLinked:0,errors:0})
class CandidateIndex{constructor(customers=[]){this.byHcId=new Map
this.byExternalId=new Map
this.byShopifyId=new Map
this.byEmail=new Map
for(const c of customers)this.add(c)}add(c){const push=(m,k)=>{if(!k)return
const list=m.get(k)??[]
if(!list.some(x=>x.id===c.id))list.push(c)
list.sort((a,b)=>Number(a.id)-Number(b.id))
m.set(k,list)}
push(this.byHcId,c.hcCustomerId)
if(c.externalId)this.byExternalId.set(c.externalId.toLowerCase(),c)
push(this.byShopifyId,c.shopifyCustomerId)
push(this.byEmail,c.email.toLowerCase())}update(c,fields){Object.assign(c,fields)
this.add(c)}decide(row,matchByEmail){const hc=this.byHcId.get(row.hcCustomerId)??[]
const ext=row.externalId?this.byExternalId.get(row.externalId.toLowerCase()):undefined
const shop=row.shopifyCustomerId?this.byShopifyId.get(row.shopifyCustomerId)??[]:[]
const mail=matchByEmail&&row.email?(this.byEmail.get(row.email.toLowerCase())??[]).filter(c=>!c.inactive):[]
const[customer,matchedBy='']=hc.length?[hc.find(c=>!c.inactive)??hc[0],CUSTOMER_FIELDS.hcCustomerId]:ext?[ext,'externalid']:shop.length?[shop.find(c=>!c.hcCustomerId&&!c.inactive)??shop[0],CUSTOMER_FIELDS.shopifyCustomerId]:mail.length===1?[mail[0],'email']:[]
if(!customer)return{kind:'create'}
if(!hc.length&&customer.hcCustomerId&&customer.hcCustomerId!==row.hcCustomerId)return{kind:'conflict',customer,matchedBy
}
const clashes=[]
for(const[what,value,held,holders]of[['external id',row.externalId,customer.externalId,ext?[ext]:[]],['Shopify id',row.shopifyCustomerId,customer.shopifyCustomerId,shop],['email',row.email,matchByEmail?customer.email:'',mail]]){
const other=holders.some(c=>c.id===customer.id)?undefined:holders[0]
if(other)clashes.push(`${what} ${value} is NetSuite customer ${other.id}'s (HotWax ${other.hcCustomerId||'none'})`)
if(value&&held&&value.toLowerCase()!==held.toLowerCase())clashes.push(`NetSuite customer ${customer.id} has ${what} ${held}, the row ${value}`)
}if(clashes.length)return{kind:'identityConflict',customer,matchedBy,clashes}
if(hc.length)return{kind:'alreadyLinked',customer,fill:fillEmpty(customer,row)}
return{kind:'link',customer,matchedBy,fill:fillEmpty(customer,row)}}}function fillEmpty(customer,row){const fill={}
if(!customer.hcCustomerId)fill[CUSTOMER_FIELDS.hcCustomerId]=row.hcCustomerId
if(!customer.shopifyCustomerId&&row.shopifyCustomerId)fill[CUSTOMER_FIELDS.shopifyCustomerId]=row.shopifyCustomerId
if(!customer.externalId&&row.externalId)fill.externalid=row.externalId
return fill}const ROW_UNITS=2*(UNITS.customerCreate+UNITS.customerSave)
const LOOK_AHEAD_ROWS=500
const CHECKPOINT_ROWS=500
function upserting(deps,opts){let index=null
return{rowUnits:ROW_UNITS,lookAhead:opts.dryRun?undefined:LOOK_AHEAD_ROWS,begin(batch,upcoming){if(upcoming||!index){
const valid=(upcoming??batch).map(p=>p.customer).filter(c=>!isProblem(c))
index=new CandidateIndex(valid.length?deps.customers.findCandidates(matchKeys(valid,opts.matchByEmail)):[])}
const snapshot=index
return p=>decideRow(p,snapshot,deps,opts)}}}function decideRow(p,index,deps,opts){const{row,customer}=p
if(isProblem(customer)){const value=k=>(row.values[k]??'').trim()
const all=rejection([...customer.problems,...referenceProblems(value('status'),value('subsidiary')||opts.defaultSubsidiary,value('accountSource'),deps)])
return{kind:'error',code:all.code,message:all.message,missingRequired:all.missingRequired}}
const outcome=upsert(customer,index,deps,opts)
return outcome.kind==='error'?{...outcome,missingRequired:false}:outcome}function upsert(row,index,deps,opts){
const decision=index.decide(row,opts.matchByEmail)
const stamp=deps.now()
try{switch(decision.kind){case'conflict':return{kind:'error',code:'LINKED_TO_OTHER_HC_CUSTOMER',
message:`NetSuite customer ${decision.customer.id} (matched by ${decision.matchedBy}) is already linked to HotWax customer ${decision.customer.hcCustomerId}`
}
case'identityConflict':return{kind:'error',code:'IDENTITY_CONFLICT',
message:`HotWax customer ${row.hcCustomerId} is NetSuite customer ${decision.customer.id} (by ${decision.matchedBy}), but ${decision.clashes.join('; ')}. Nothing changed: correct the ids in HotWax or NetSuite, send the row again`
}
case'alreadyLinked':{const stale=decision.customer.stamp===null||stamp-decision.customer.stamp>opts.restampAfterMs
const fill={...decision.fill}
if(Object.keys(fill).length>0||stale){if(!opts.dryRun)deps.customers.update(decision.customer.id,{...fill,
[CUSTOMER_FIELDS.syncStamp]:stamp})
index.update(decision.customer,fromFill(fill,stamp))}return{kind:'alreadyLinked',customerId:decision.customer.id}}
case'link':{if(!opts.dryRun)deps.customers.update(decision.customer.id,{...decision.fill,
[CUSTOMER_FIELDS.syncStamp]:stamp})
index.update(decision.customer,fromFill(decision.fill,stamp))
return{kind:'linked',customerId:decision.customer.id}}case'create':{
const refs=referenceProblems(row.statusName,row.subsidiary,row.leadSource,deps)
if(refs.length){const r=rejection(refs)
return{kind:'error',code:r.code,message:r.message}}
const statusId=row.statusName?deps.customers.statusId(row.statusName)??'':''
const id=opts.dryRun?'':deps.customers.create(row,statusId,stamp)
index.add({id,hcCustomerId:row.hcCustomerId,externalId:row.externalId,shopifyCustomerId:row.shopifyCustomerId,
email:row.email,inactive:false,stamp})
return{kind:'created',customerId:id}}}}catch(e){const{code,message}=describeError(e)
if(code==='SSS_USAGE_LIMIT_EXCEEDED')throw e
return{kind:'error',code,message}}}function referenceProblems(statusName,subsidiary,leadSource,deps){const out=[]
if(statusName&&!deps.customers.statusId(statusName))out.push({code:'UNKNOWN_STATUS',
message:`entity status "${statusName}" does not exist in NetSuite`,missingRequired:false})
if(/^\d+$/.test(subsidiary)&&!deps.customers.subsidiaryExists(subsidiary))out.push({code:'INVALID_KEY_OR_REF',
message:`Invalid subsidiary reference key ${subsidiary}.`,missingRequired:false})
if(/^-?\d+$/.test(leadSource)&&deps.customers.leadSourceExists(leadSource)===false)out.push({code:'INVALID_KEY_OR_REF',
message:`Invalid leadsource reference key ${leadSource} (accountSource).`,missingRequired:false})
return out}function fromFill(fill,stamp){const out={stamp}
if(fill[CUSTOMER_FIELDS.hcCustomerId])out.hcCustomerId=fill[CUSTOMER_FIELDS.hcCustomerId]
if(fill[CUSTOMER_FIELDS.shopifyCustomerId])out.shopifyCustomerId=fill[CUSTOMER_FIELDS.shopifyCustomerId]
if(fill.externalid)out.externalId=fill.externalid
return out}function matchKeys(rows,byEmail){const uniq=xs=>[...new Set(xs.filter(Boolean))]
return{hcCustomerIds:uniq(rows.map(r=>r.hcCustomerId)),externalIds:uniq(rows.map(r=>r.externalId)),
shopifyCustomerIds:uniq(rows.map(r=>r.shopifyCustomerId)),emails:byEmail?uniq(rows.map(r=>r.email.toLowerCase())):[]}}
function unsafeNameReason(name){if(name==='')return'an empty name'
if(name.indexOf('\0')>=0)return'a name holding NUL'
if(/[/\\]/.test(name))return'a name holding a path separator (/ or \\)'
if(name==='.'||name==='..')return'a name that is a path segment (. or ..)'
return null}function shortStem(name){const s=stem(name)
let bytes=0
for(let i=0;i<s.length;i++){const c=s.charCodeAt(i)
const pair=c>=55296&&c<=56319&&i+1<s.length
const size=pair?4:c<128?1:c<2048?2:3
if(bytes+size>150)return s.slice(0,i)
bytes+=size
if(pair)i++}return s}function observingReports(feeds,onReport){const observed=Object.create(feeds)
observed.writeReport=(folder,name,csv)=>{feeds.writeReport(folder,name,csv)
onReport(folder,name,csv)}
return observed}function unreadableReason(text){if(!text.replace(/^\uFEFF/,'').trim())return'the file is empty'
const lines=text.split(/\r\n|\n|\r/).filter(l=>l!=='')
const bad=l=>l.indexOf('\0')>=0||l.indexOf('\ufffd')>=0
if(bad(lines[0]))return lines[0].indexOf('\0')>=0?'the file is binary (or UTF-16), not a UTF-8 CSV text: its header holds NUL characters':'the file is not UTF-8 encoded: its header holds bytes that are not UTF-8'
const badLines=lines.filter(bad).length
if(lines.length>=4&&badLines*2>lines.length)return`the file is not UTF-8 encoded (or is binary): ${badLines} of its ${lines.length} lines hold bytes that are not UTF-8 or NUL`
return null}const REPORT_UNITS=UNITS.sftpTransfer+4*UNITS.sftpOther
const ARCHIVE_UNITS=3*UNITS.sftpOther+2*UNITS.customRecordSubmitFields
const COPY_SAVE_UNITS=UNITS.searchPage+UNITS.folderCreate+UNITS.folderSave+UNITS.customRecordSubmitFields+UNITS.fileSave
const COPY_REMOVE_UNITS=UNITS.searchPage+UNITS.fileDelete
const finishUnits=state=>ARCHIVE_UNITS+(state.errors.length?REPORT_UNITS:0)+(state.errors.some(e=>e.missingRequired)?REPORT_UNITS:0)+(state.missingLines?.length?REPORT_UNITS:0)+(state.feedCopy?COPY_REMOVE_UNITS:0)
const FOUND_AGAIN='customers already written are found by their HC customer id, never created twice'
const countsText=c=>`${c.created} created, ${c.linked} linked, ${c.alreadyLinked} already linked, ${c.errors} error(s)`
const SPILL_AT_CHARS=6e5
const MAX_STORED_MESSAGE=1e3
const storedMessage=m=>{if(m.length<=MAX_STORED_MESSAGE)return m
const c=m.charCodeAt(MAX_STORED_MESSAGE-1)
return`${m.slice(0,c>=55296&&c<=56319?MAX_STORED_MESSAGE-1:MAX_STORED_MESSAGE)}\u2026`}
const storedSize=e=>e.message.length+e.code.length+e.hcCustomerId.length+80
function reportName({name,state,entry},suffix,dryRun=false){
const tag=dryRun||!state.tag?utcStamp(entry.lastModified??new Date(0)):state.tag
return`${shortStem(name)}-${tag}${suffix}`}
const taggedName=(name,state)=>`${shortStem(name)}-${state.tag??uniqueSuffix()}.csv`
const errorReport=(name,errors)=>toReportCsv(ERROR_REPORT_HEADER,errors.map(e=>[name,e.line,e.hcCustomerId,e.code,e.message]))
const byLine=errors=>[...errors].sort((a,b)=>a.line-b.line)
function nextPart(f){const errors=byLine(f.state.errors)
return{folder:SFTP_FOLDERS.customerFeedError,name:reportName(f,`-errors-${(f.state.reportParts??0)+1}.csv`),
text:errorReport(f.name,errors),missing:errors.filter(e=>e.missingRequired).map(e=>e.line)}}
function finishReports(f,feed){const{name,state}=f
const parts=state.reportParts??0
const errors=byLine(state.errors)
const out=[]
if(errors.length)out.push({folder:SFTP_FOLDERS.customerFeedError,
name:reportName(f,parts>0?`-errors-${parts+1}.csv`:'-errors.csv'),text:errorReport(name,errors)})
const missingLines=new Set([...state.missingLines??[],...errors.filter(e=>e.missingRequired).map(e=>e.line)])
if(missingLines.size){const rows=feed.rows.filter(r=>missingLines.has(r.lineNumber))
out.push({folder:SFTP_FOLDERS.customerFeedMissing,name:reportName(f,'.csv'),
text:toReportCsv(feed.header,rows.map(r=>r.fields))})}return out}function moveCheck(listed,name,state){
const now=listed.find(e=>e.name===name)
const p=state.print
if(!now)return'gone'
return p&&(now.size!==p.size||now.lastModified?.getTime()!==p.modified)?'changed':'move'}const LEASE_MS=15*60*1e3
function feedPhase(state,name){if(state.handoff&&state.lease?.scriptId)return'handed over'
if(!state.file||name&&state.file!==name)return'none'
if(state.moving)return'finishing'
if(state.reportParts)return'report parts'
return state.line>0?'rows':'taken up'}const handledAny=state=>state.line>0||!!state.reportParts
function freshState(){const state={}
resetFeed(state)
state.lease=null
return state}function resetFeed(state){Object.assign(state,{file:null,line:0,errors:[],counts:emptyCounts()})
for(const k of['tag','feedCopy','print','moving','reportParts','missingLines','problemsThrough'])delete state[k]}
const newTag=now=>`${utcStamp(new Date(now))}-${uniqueSuffix()}`
function takeUp(state,name,tag){resetFeed(state)
state.file=name
state.tag=tag}function endFeed(state,name,result){if(/^(archived|failed|changed|gone)$/.test(result.outcome)){
const{errorReports:_,reason:__,...r}=result
state.finished=[...state.finished??[],r]}const blockedTags={...state.blockedTags}
if(result.outcome==='blocked'&&state.tag)blockedTags[name]=state.tag
else delete blockedTags[name]
state.blockedTags=Object.keys(blockedTags).length?blockedTags:undefined
if(state.notHandedOff&&result.outcome!=='blocked'&&result.outcome!=='skipped'){
state.notHandedOff=state.notHandedOff.filter(n=>n!==name)
if(!state.notHandedOff.length)delete state.notHandedOff}resetFeed(state)}function returnFeeds(state,feeds){
if(!feeds.length)return
state.notHandedOff=[...new Set([...state.notHandedOff??[],...feeds.map(f=>f.name)])]
state.blockedTags={...state.blockedTags}
for(const f of feeds)state.blockedTags[f.name]=f.tag}function giveBack(state,feeds){returnFeeds(state,feeds)
delete state.handoff}const DRY_RUN_FOLDER='customer/export/dry_run'
const DRY_RUN_HEADER=[...DRY_RUN_REPORT_HEADER]
function verdictsFile(name,fileName,verdicts,uncheckedFrom){
const rows=[...verdicts].sort((a,b)=>a.line-b.line).map(v=>[name,v.line,v.hcCustomerId,v.outcome,v.customerId,v.code,v.message])
if(uncheckedFrom!==null)rows.push([name,uncheckedFrom,'','not checked','','DRY_RUN_INCOMPLETE',`this execution's usage ran out: lines from ${uncheckedFrom} on were not checked`])
return{folder:DRY_RUN_FOLDER,name:fileName,text:toReportCsv(DRY_RUN_HEADER,rows)}}const resultOf=(f,outcome,more)=>({
name:f.name,outcome,counts:f.state.counts,...more})
const dryRunName=f=>reportName(f,'-dry-run.csv',true)
function*writeReport(f,report,kind='saveReport'){const ok=(yield{kind,feed:f.name,report})!==false
if(ok&&report.folder!==SFTP_FOLDERS.customerFeedMissing)f.written.push(report.name)
return ok}
const saveVerdicts=(f,verdicts,uncheckedFrom)=>writeReport(f,verdictsFile(f.name,dryRunName(f),verdicts,uncheckedFrom),'saveVerdicts')
function*inProgress(f){const{state,deps}=f
if(f.copyWanted&&handledAny(state)&&deps.budget.canAfford(COPY_SAVE_UNITS)){
const folderId=state.feedCopy?.folderId??state.copyFolderId??(yield{kind:'findCopyFolder'})
if(folderId){state.copyFolderId=folderId
state.feedCopy={folderId,name:taggedName(f.name,state),size:f.entry.size,modified:f.entry.lastModified.getTime()}
yield{kind:'saveCheckpoint',state}
const fileId=yield{kind:'saveCopy',folderId,name:state.feedCopy.name,text:f.text}
if(fileId)state.feedCopy.fileId=fileId
else delete state.copyFolderId}}return resultOf(f,'in progress',{lines:f.lines})}function*failFile(f,code,reason){
const{name,state,deps,opts}=f
if(!opts.dryRun&&!deps.budget.canAfford(REPORT_UNITS+ARCHIVE_UNITS+(state.feedCopy?COPY_REMOVE_UNITS:0)))return resultOf(f,'in progress')
state.counts=emptyCounts()
f.tally('errors')
if(opts.dryRun){yield*saveVerdicts(f,[{line:0,hcCustomerId:'',outcome:'error',customerId:'',code,message:reason}],null)
return resultOf(f,'checked',{reason})}
deps.log.error(`Customer feed ${name} cannot be read`,`${reason}; moved to ${SFTP_FOLDERS.customerFeedFailed}/`)
const folder=SFTP_FOLDERS.customerFeedError
const text=toReportCsv(ERROR_REPORT_HEADER,[[name,0,'',code,reason]])
if(!(yield*writeReport(f,{folder,name:reportName(f,'-errors.csv'),text})))return resultOf(f,'blocked',{reason})
return yield*moveFeedInto(f,SFTP_FOLDERS.customerFeedFailed,resultOf(f,'failed',{reason}))}
function*moveFeedInto(f,folder,result){const{name,state,deps}=f
state.moving={to:folder,lines:result.lines,blankLines:result.blankLines}
yield{kind:'saveCheckpoint',state}
const listed=yield{kind:'listFeeds',feed:name}
if(!listed)return{...result,outcome:'blocked'}
const check=moveCheck(listed,name,state)
if(check!=='move'){const c=state.counts
const changed=check==='changed'
const path=`${SFTP_FOLDERS.customerFeed}/${name}`
deps.log.error(`Customer feed ${name} ${changed?'changed':'is gone'} while it was being imported: not moved to ${folder}/`,`${changed?`${path} now has another size or modification time than the file read; its new content is imported as a new feed from line 1 (${FOUND_AGAIN})`:`someone removed or moved ${path}`}. The version read was handled: ${countsText(c)} (reports tagged ${state.tag}).`)
return{...result,outcome:check}}const alternative=taggedName(name,state)
const movedTo=yield{kind:'move',feed:name,folder,alternative}
return movedTo!==null?{...result,movedTo}:{...result,outcome:'blocked'}}function*finishFeed(f){
const{name,state,deps,parsed,lines}=f
const handledLines=parsed.rows.reduce((n,r)=>n+r.endLine-r.lineNumber+1,0)+parsed.problems.filter(p=>p.lineNumber>parsed.headerLine).length
const blankLines=Math.max(0,lines-handledLines)
if(f.opts.dryRun){yield*saveVerdicts(f,f.verdicts,null)
return resultOf(f,'checked',{lines,blankLines})}if(!deps.budget.canAfford(finishUnits(state))){yield{
kind:'saveCheckpoint',state}
return yield*inProgress(f)}const parts=state.reportParts??0
if(state.errors.length>0||parts>0){
for(const r of finishReports(f,parsed))if(!(yield*writeReport(f,r)))return resultOf(f,'blocked',{lines})
const first=byLine(state.errors)[0]
const c=state.counts
deps.log.error(`Customer feed ${name}: ${c.errors} row(s) not imported`,`see ${SFTP_FOLDERS.customerFeedError}/${reportName(f,parts>0?'-errors-*.csv':'-errors.csv')}; ${lines} line(s) after the header: ${countsText(c)}, ${blankLines} blank${first?`; line ${first.line} ${first.code} ${first.message}`:''}`)
}return yield*moveFeedInto(f,SFTP_FOLDERS.customerFeedArchive,resultOf(f,'archived',{lines,blankLines}))}
function drive(ports,steps){let next=steps.next()
while(!next.done){let done
try{done=carryOut(ports,next.value)}catch(e){next=steps.throw(e)
continue}next=steps.next(done)}return next.value}function carryOut({deps,save,run},a){const{feeds,feedCopies}=deps
switch(a.kind){case'saveCheckpoint':return a.asIs?deps.checkpoint.save(a.state):save(a.state)
case'download':return feeds.download(a.feed)
case'savePart':case'saveReport':case'saveVerdicts':{const r=a.report
const write=()=>feeds.writeReport(r.folder,r.name,r.text)
return a.kind==='saveVerdicts'?write():writeInto(r.folder,a.feed,write,deps,run)}case'findCopyFolder':
return feedCopies.folder()
case'saveCopy':return feedCopies.save(a.folderId,a.name,a.text)
case'loadCopy':return feedCopies.load(a.copy)
case'deleteCopy':return feedCopies.remove(a.copy)
case'listFeeds':return writeInto(SFTP_FOLDERS.customerFeed,a.feed,()=>run.listed=feeds.list(),deps,run)?run.listed:null
case'move':{let movedTo=null
writeInto(a.folder,a.feed,()=>movedTo=feeds.moveFeed(a.feed,a.folder,a.alternative),deps,run)
return movedTo}case'submit':return deps.mapReduce.submit()}}function writeInto(folder,feed,op,deps,run){try{op()
return true}catch(e){const{code,message}=describeError(e)
if(code==='SSS_USAGE_LIMIT_EXCEEDED')throw e
if(!run.reportedFolders.has(folder)){run.reportedFolders.add(folder)
deps.log.error(`Cannot write to SFTP folder ${folder}/`,`${code}: ${message}. Give the SFTP user write access to ${folder}/ (or create it). Feed ${feed} stays in ${SFTP_FOLDERS.customerFeed}/ and is read again by the next run: ${FOUND_AGAIN}.`)
}return false}}function importOneFeed(entry,state,job){return drive(job,feedSteps(entry,state,job))}
function*feedSteps(entry,state,job){const written=[]
const result=yield*importFeed({...job,entry,name:entry.name,state,written})
if(written.length)if(job.opts.dryRun)result.dryRunReport=written[0]
else result.errorReports=written
return result}
const PERMANENT_DOWNLOAD_ERRORS=new Set(['FTP_MAXIMUM_FILE_SIZE_EXCEEDED','SSS_FILE_CONTENT_SIZE_EXCEEDED'])
function skipEntry(name,reason,deps){const quoted=JSON.stringify(name)
deps.log.error(`Customer feed folder entry ${quoted} skipped`,`${SFTP_FOLDERS.customerFeed}/ entry ${quoted}: ${reason}. It is left where it is and the other feeds are imported; remove or fix it on the SFTP server.`)
return{name,outcome:'skipped',reason,counts:emptyCounts()}}function*importFeed(start){const f=yield*readFeed(start)
if('outcome'in f)return f
if(f.offer&&(yield*f.offer(f.parsed.rows.length+f.parsed.problems.length)))return resultOf(f,'handed off',{lines:f.lines
})
setupChecks(f)
return(yield*decideRows(f))??(yield*finishFeed(f))}function*readFeed(start){const{entry,name,state,deps,opts}=start
const tooLarge=why=>failFile(start,'FILE_TOO_LARGE',`${why}; have HotWax send smaller feeds`)
if((entry.size??0)>SFTP_MAX_FILE_SIZE)return yield*tooLarge(`the file is ${entry.size} bytes; NetSuite's N/sftp downloads at most ${SFTP_MAX_FILE_SIZE} bytes (Connection.MAX_FILE_SIZE)`)
const modified=entry.lastModified?.getTime()
const sameFile=!!state.feedCopy&&(!!state.print||state.feedCopy.size===entry.size&&state.feedCopy.modified===modified)
const copied=sameFile&&deps.feedCopies?yield{kind:'loadCopy',copy:state.feedCopy}:null
if(copied)state.feedCopy.fileId=copied.id
let text
try{text=copied?copied.text:yield{kind:'download',feed:name}}catch(e){const{code,message}=describeError(e)
if(code==='SSS_USAGE_LIMIT_EXCEEDED')throw e
if(PERMANENT_DOWNLOAD_ERRORS.has(code))return yield*tooLarge(`${code}: the file${entry.size?` is ${entry.size} bytes and`:''} cannot be read within NetSuite's limits (${message})`)
return skipEntry(name,`cannot be downloaded (${code}: ${message})`,deps)}const hash=textHash(text)
const p=state.print
if(p&&p.hash!==hash){
deps.log.error(`Customer feed ${name} changed while it was being imported`,`Its earlier version (reports tagged ${state.tag}) was handled up to line ${state.line} (${countsText(state.counts)}); its later lines cannot be read any more: have HotWax send them again. The new content is imported as a new feed from line 1 (${FOUND_AGAIN}).`)
return resultOf(start,'changed')}if(!p)state.print={size:entry.size,modified,hash}
const unreadable=unreadableReason(text)
const parsed=unreadable?null:readCustomerFeed(text,name)
const missingKey=parsed&&parsed.missingColumns.includes('HCCustomerId')
if(parsed?.refusal&&!missingKey)return yield*failFile(start,'DUPLICATE_COLUMN',parsed.refusal)
if(!parsed||missingKey)return yield*failFile(start,'UNREADABLE_FEED',unreadable??`the header has no HCCustomerId column (nor a legacy "External Id" one; found: ${parsed.header.join(', ')||'nothing'})`)
const copyWanted=!!deps.feedCopies&&!opts.dryRun&&!copied&&entry.size!==undefined&&entry.size<=FILE_CONTENT_LIMIT&&modified!==undefined
return{...start,text,parsed,lines:Math.max(0,physicalLineCount(text)-parsed.headerLine),
pendingChars:state.errors.reduce((n,e)=>n+storedSize(e),0),verdicts:[],copyWanted}}
function setupChecks({opts,parsed,run,deps,name}){const say=(key,title,details)=>{if(run.setupReported.has(key))return
run.setupReported.add(key)
deps.log.error(title,details)}
if(opts.oneWorld&&!opts.defaultSubsidiary&&parsed.matched.subsidiary===undefined)say('no-subsidiary','HC_SC_ImportCustomer setup: new customers have no subsidiary',`This is a OneWorld account, feed ${name} has no subsidiary column and the script parameter ${DEFAULT_SUBSIDIARY_PARAM} is empty, so NetSuite refuses every new customer (as its own CSV import does). Set ${DEFAULT_SUBSIDIARY_PARAM} to the internal id of the subsidiary new customers belong to, or have HotWax send a subsidiary column. Until then every such row is reported as MISSING_SUBSIDIARY.`)
if(opts.defaultSubsidiary&&(!/^\d+$/.test(opts.defaultSubsidiary)||opts.oneWorld&&!deps.customers.subsidiaryExists(opts.defaultSubsidiary)))say('bad-default-subsidiary','HC_SC_ImportCustomer setup: the default subsidiary does not exist',`The script parameter ${DEFAULT_SUBSIDIARY_PARAM} is "${opts.defaultSubsidiary}", which is not the internal id of a subsidiary: enter one (Setup > Company > Subsidiaries) or clear it. Rows without a subsidiary are reported as INVALID_KEY_OR_REF.`)
}function fail(f,line,hcCustomerId,code,message,missingRequired){const e={line,hcCustomerId,code,
message:storedMessage(message),missingRequired}
f.state.errors.push(e)
f.pendingChars+=storedSize(e)
f.tally('errors')
if(f.opts.dryRun)f.verdicts.push({line,hcCustomerId,outcome:'error',customerId:'',code,message})}
function*spillIfFull(f){const{state}=f
if(f.opts.dryRun||f.pendingChars<=SPILL_AT_CHARS)return null
if(!f.deps.budget.canAfford(REPORT_UNITS))return yield*inProgress(f)
const part=nextPart(f)
if(!(yield*writeReport(f,part,'savePart')))return resultOf(f,'blocked',{lines:f.lines})
state.missingLines=[...state.missingLines??[],...part.missing]
state.reportParts=(state.reportParts??0)+1
state.errors=[]
f.pendingChars=0
return null}function malformedRecords(f){const{state}=f
const from=Math.max(state.line,state.problemsThrough??0)
const problems=f.parsed.problems.filter(p=>p.lineNumber>from).sort((a,b)=>a.lineNumber-b.lineNumber)
let next=0
return function*(line){while(next<problems.length&&problems[next].lineNumber<line){const p=problems[next++]
fail(f,p.lineNumber,'',p.code,p.message,false)
state.problemsThrough=Math.max(state.problemsThrough??0,p.lineNumber)
const stop=yield*spillIfFull(f)
if(stop)return stop}return null}}function*decideRows(f){const{state,deps,opts,decider,parsed}=f
const problemsBefore=malformedRecords(f)
const deferred=(yield*spillIfFull(f))??(opts.dryRun?yield*problemsBefore(Infinity):null)
if(deferred)return deferred
const rows=parsed.rows.filter(r=>r.lineNumber>state.line)
const prepare=r=>({row:r,customer:toNewCustomer(r.values,r.extra,opts,r.fields,parsed.header)})
let lookFrom=0
let lookedUpTo=0
let upcoming=[]
let savedAt=0
let savedTime=deps.now()
for(let i=0;i<rows.length;){const lookUp=i>=lookedUpTo
const affordable=batchRows(f,lookUp)
if(affordable<1){if(opts.dryRun)yield*saveVerdicts(f,f.verdicts,rows[i].lineNumber)
return yield*inProgress(f)}if(lookUp){lookFrom=i
lookedUpTo=Math.min(rows.length,i+Math.max(opts.batchSize,decider.lookAhead??0))
upcoming=rows.slice(lookFrom,lookedUpTo).map(prepare)}const end=Math.min(i+opts.batchSize,i+affordable,lookedUpTo)
const prepared=upcoming.slice(i-lookFrom,end-lookFrom)
const decide=decider.begin(prepared,lookUp?upcoming:null)
if(!decide)return yield*inProgress(f)
for(const p of prepared){const stop=(yield*problemsBefore(p.row.lineNumber))??(yield*handleRow(f,p,decide))
if(stop)return stop}i=end
if(i<rows.length&&(i-savedAt>=CHECKPOINT_ROWS||deps.now()-savedTime>LEASE_MS/3)){yield{kind:'saveCheckpoint',state}
savedAt=i
savedTime=deps.now()}}return yield*problemsBefore(Infinity)}function batchRows(f,lookUp){
const reserve=f.opts.dryRun?REPORT_UNITS:UNITS.customRecordSubmitFields+(f.pendingChars>SPILL_AT_CHARS/2?REPORT_UNITS:0)+(f.copyWanted?COPY_SAVE_UNITS:0)
const{budget}=f.deps
if(f.decider.rowUnits>0)return budget.howMany(f.decider.rowUnits,(lookUp?2*UNITS.searchPage:0)+reserve)
return budget.canAfford(reserve)?f.opts.batchSize:0}function*handleRow(f,p,decide){const{row}=p
const hcCustomerId=(row.values.HCCustomerId??'').trim()
const outcome=decide(p)
if(outcome.kind==='error')fail(f,row.lineNumber,hcCustomerId,outcome.code,outcome.message,outcome.missingRequired)
else{f.tally(outcome.kind)
if(f.opts.dryRun)f.verdicts.push({line:row.lineNumber,hcCustomerId,
outcome:outcome.kind==='created'?'create':outcome.kind==='linked'?'link':'already linked',customerId:outcome.customerId,
code:'',message:''})}f.state.line=row.lineNumber
return yield*spillIfFull(f)}function logFeedResults(summary,audit){
for(const f of summary.files)if(!summary.logged?.includes(f)){
audit(`Customer feed ${f.name}: ${f.outcome}`,JSON.stringify(f));(summary.logged??=[]).push(f)}}
function summaryDetails(summary,unitsUsed,rescheduled,stoppedFor=null){
const n=o=>summary.files.filter(f=>f.outcome===o).length
return{totals:summary.totals,files:summary.files.length,archived:n('archived'),failed:n('failed'),
skippedEntries:n('skipped'),blocked:n('blocked'),changed:n('changed'),gone:n('gone'),givenBack:n('given back'),
lines:summary.files.reduce((n,f)=>n+(f.lines??0),0),
inProgress:summary.files.find(f=>f.outcome==='in progress')?.name??null,skipped:summary.skipped??null,
handedOff:summary.handedOff??null,unitsUsed,stoppedFor,rescheduled}}const MAX_HANDOFF_ATTEMPTS=3
const LISTED_BYTES_PER_ROW=1e3
const mayOffer=(state,name,dryRun,mr)=>!!mr&&!dryRun&&!handledAny(state)&&!state.notHandedOff?.includes(name)
function handoffChoice(first,rowCount,after,state,mr){if(mr.minRows<=0)return null
if(rowCount===null&&!first.size)return null
const skippedBefore=new Set(state.skipped??[])
const waiting=after.filter(f=>!skippedBefore.has(f.name)&&!state.notHandedOff?.includes(f.name)).filter(f=>!state.blockedTags?.[f.name]).slice(0,Math.max(0,mr.maxFeeds-1))
const bytesPerRow=rowCount===null?LISTED_BYTES_PER_ROW:first.size&&rowCount?first.size/rowCount:0
const estimate=f=>bytesPerRow?Math.round((f.size??0)/bytesPerRow):0
const rows=(rowCount??estimate(first))+waiting.reduce((n,f)=>n+estimate(f),0)
return rows<mr.minRows?null:{feeds:[first,...waiting],rows}}const HANDOFF_LEASE_MS=30*24*60*60*1e3
function*resumeHandoff(state,deps,summary){const h=state.handoff
const left=h.feeds.filter(f=>!h.done.includes(f.name))
const names=left.map(f=>f.name).join(', ')
if(h.attempts<MAX_HANDOFF_ATTEMPTS){h.attempts++
yield{kind:'saveCheckpoint',state,asIs:true}
const submitted=yield{kind:'submit'}
deps.log.audit('Customer feeds handed to HC_MR_ImportCustomer again',`attempt ${h.attempts} of ${MAX_HANDOFF_ATTEMPTS} (${submitted}): ${names}`)
summary.skipped=`deployment ${state.lease.deploymentId} holds the feeds ${names}; submitted again (attempt ${h.attempts})`
return true}
deps.log.error(`HC_MR_ImportCustomer did not finish ${left.length} customer feed(s)`,`after ${MAX_HANDOFF_ATTEMPTS} attempts HC_SC_ImportCustomer imports them itself (${FOUND_AGAIN}): ${names}`)
giveBack(state,left)
return false}function runCustomerImport(deps,opts){const summary={files:[],totals:emptyCounts(),paused:false,
stalled:false}
const save=st=>{if(opts.dryRun)return
st.lease={executionId:opts.executionId,deploymentId:opts.deploymentId,until:deps.now()+LEASE_MS}
return deps.checkpoint.save(st)}
const run={reportedFolders:new Set,setupReported:new Set}
const d={state:freshState(),deps,opts,summary,save,run}
const leftOver=takeLease(d)
if(leftOver===false)return summary
deps.customers=keepingAnswers(deps.customers,d.state.refs??={})
try{const{state}=d
if(leftOver)deps.log.audit('Import lease taken over',`from ${leftOver.deploymentId} (execution ${leftOver.executionId}), which is no longer running`)
if(leftOver||state.interrupted){
for(const folder of[SFTP_FOLDERS.customerFeedError,SFTP_FOLDERS.customerFeedMissing])deps.feeds.removeLeftovers?.(folder)
delete state.interrupted}return drive(d,importFeeds(d))}catch(e){if(!opts.dryRun)try{d.state.lease=null
d.state.interrupted=true
deps.checkpoint.save(d.state)}catch{}throw e}}function takeLease(d){const{deps,opts,summary}=d
for(let attempt=1;;attempt++){const loaded=deps.checkpoint.load()
const lease=loaded?.lease??null
const mr=deps.mapReduce
const handedOff=!!loaded&&feedPhase(loaded)==='handed over'&&lease.deploymentId===mr?.deploymentId
if(lease&&lease.deploymentId!==opts.deploymentId&&lease.until>deps.now()&&(handedOff?mr.running():deps.leaseHolderRunning(lease))){
summary.skipped=`deployment ${lease.deploymentId} is importing (lease until ${new Date(lease.until).toISOString()}); this run leaves the feeds to it`
return false}if(opts.dryRun)return null
d.state=loaded??freshState()
if(handedOff&&drive(d,resumeHandoff(d.state,deps,summary)))return false
if(d.save(d.state)!==false)return lease
if(attempt>=3)throw new SyncError(SYNC_ERROR_CODES.checkpointConflict,'the import checkpoint was changed by another execution three times while this one saved it; nothing was imported, and the next scheduled run tries again')
}}function listFeeds(deps,summary){let listed
try{listed=deps.feeds.list()}catch(e){const{code,message}=describeError(e)
deps.log.error(`Cannot list SFTP folder ${SFTP_FOLDERS.customerFeed}/`,`${code}: ${message}. Check that ${SFTP_FOLDERS.customerFeed}/ exists under the default directory and that the SFTP user may read it.`)
throw e}const feeds=[]
for(const entry of listed){const unsafe=unsafeNameReason(entry.name)
if(unsafe)summary.files.push(skipEntry(entry.name,unsafe,deps))
else if(!isCsv(entry.name))continue
else if(entry.directory)summary.files.push(skipEntry(entry.name,'a directory, not a file',deps))
else feeds.push(entry)}return feeds}function orderFeeds(state,feeds){const skippedBefore=new Set(state.skipped??[])
const rank=f=>f.name===state.file?0:skippedBefore.has(f.name)?2:1
feeds.sort((a,b)=>rank(a)-rank(b))
if(state.notHandedOff){const listedNames=new Set(feeds.map(f=>f.name))
state.notHandedOff=state.notHandedOff.filter(n=>listedNames.has(n))
if(!state.notHandedOff.length)delete state.notHandedOff}}function report(summary,r){summary.files.push(r)
for(const k of Object.keys(r.counts))summary.totals[k]+=r.counts[k]}function*importFeeds(d){
const{state,deps,opts,summary,run}=d
const tally=outcome=>{state.counts[outcome]++
summary.totals[outcome]++}
state.finished?.forEach(r=>report(summary,r))
const feeds=listFeeds(deps,summary)
if(state.file&&!feeds.some(f=>f.name===state.file)){const m=state.moving
if(feedPhase(state)==='finishing'){const outcome=m.to===SFTP_FOLDERS.customerFeedArchive?'archived':'failed'
const r={name:state.file,outcome,counts:state.counts,lines:m.lines}
report(summary,r)
state.finished=[...state.finished??[],r]
}else deps.log.error(`Customer feed ${state.file} is gone while it was being imported`,`Someone removed or moved ${SFTP_FOLDERS.customerFeed}/${state.file} after its line ${state.line} was handled (reports tagged ${state.tag}); its later lines were not imported: have HotWax send them again.`)
yield*dropCopy(state,deps)
resetFeed(state)}orderFeeds(state,feeds)
const skippedNow=[]
let progress=false
for(let index=0;index<feeds.length;index++){
if(!deps.budget.canAfford(UNITS.sftpTransfer+UNITS.searchPage+ROW_UNITS+ARCHIVE_UNITS)){summary.paused=true
break}const entry=feeds[index]
const lineBefore=state.line
const result=yield*importNext(d,entry,feeds.slice(index+1),tally)
if(result.outcome==='handed off'){summary.handedOff=d.state.handoff.feeds.map(f=>f.name)
return summary}if(result.outcome==='in progress'){progress=progress||state.line>lineBefore
summary.paused=true
break}if(result.outcome==='skipped')skippedNow.push(entry.name)
else progress=true
if(result.outcome==='changed')feeds.push(run.listed?.find(f=>f.name===entry.name)??entry)
yield*dropCopy(state,deps)
endFeed(state,entry.name,result)
yield{kind:'saveCheckpoint',state}}state.skipped=skippedNow.length?skippedNow:undefined
summary.stalled=summary.paused&&!progress
const done=summary.files.filter(f=>/^(archived|failed)$/.test(f.outcome)).map(f=>f.name)
summary.waiting=feeds.filter(f=>!done.includes(f.name)&&f.name!==state.file).length
state.lease=null
delete state.finished
if(!state.file){delete state.copyFolderId
delete state.refs}if(!opts.dryRun)yield{kind:'saveCheckpoint',state,asIs:true}
return summary}function*importNext(d,entry,after,tally){const{state,deps,opts,summary,save,run}=d
const name=entry.name
const mr=deps.mapReduce
const offer=rowCount=>offerHandoff(d,entry,rowCount,after)
const phase=feedPhase(state,name)
if((phase!=='none'||!state.file)&&mayOffer(state,name,opts.dryRun,mr)&&(yield*offer(null))){const r={name,
outcome:'handed off',counts:emptyCounts()}
summary.files.push(r)
return r}if(phase==='none'){yield*dropCopy(state,deps)
takeUp(state,name,state.blockedTags?.[name]??newTag(deps.now()))
yield{kind:'saveCheckpoint',state}}const result=yield*feedSteps(entry,state,{deps,opts,save,tally,run,
decider:upserting(deps,opts),offer:mayOffer(state,name,opts.dryRun,mr)?offer:undefined})
summary.files.push(result)
return result}function*offerHandoff(d,first,rowCount,after){const{state,deps,summary}=d
const mr=deps.mapReduce
const choice=handoffChoice(first,rowCount,after,state,mr)
if(!choice)return false
const now=deps.now()
const handed={...state}
resetFeed(handed)
delete handed.finished
delete handed.refs
handed.handoff={feeds:choice.feeds.map((f,i)=>({name:f.name,tag:i===0&&state.tag?state.tag:newTag(now)})),done:[],
attempts:1,settings:mr.settings}
handed.lease={executionId:`${mr.deploymentId}-${now}-${uniqueSuffix()}`,deploymentId:mr.deploymentId,
scriptId:mr.scriptId,until:now+HANDOFF_LEASE_MS}
d.state=handed
yield{kind:'saveCheckpoint',state:handed,asIs:true}
logFeedResults(summary,(title,details)=>deps.log.audit(title,details))
const submitted=yield{kind:'submit'}
if(submitted==='unavailable'){d.state=state
deps.log.error('HC_SC_ImportCustomer cannot hand feeds to HC_MR_ImportCustomer',`Deployment ${mr.deploymentId} of ${mr.scriptId} cannot be submitted (see the AUDIT line before this one): create it (docs/UPGRADE.md, HC_ADD_DEPLOYMENTS=${mr.deploymentId} npm run deploy:add-deployments) or set custscript_hc_imp_mr_min_rows to 0. The feeds are imported here, one execution after another.`)
yield{kind:'saveCheckpoint',state,asIs:true}
return false}
deps.log.audit('Customer feeds handed to HC_MR_ImportCustomer',`${choice.feeds.length} feed(s), about ${choice.rows} rows${submitted==='submitted'?'':' (the job was already queued)'}: ${choice.feeds.map(f=>f.name).join(', ')}`)
return true}function*dropCopy(state,deps){if(!state.feedCopy)return
if(deps.feedCopies&&deps.budget.canAfford(COPY_REMOVE_UNITS))yield{kind:'deleteCopy',copy:state.feedCopy}
delete state.feedCopy}const DEFAULT_HANDOFF_ROWS=600
const MAX_HANDOFF_FEEDS=25
const GENERATE_HISTORICAL_CSV={scriptId:'customscript_generate_hist_shop_customer',
deploymentId:'customdeploy_generate_hist_shop_customer'}
const UPLOAD_HISTORICAL_CSV={scriptId:'customscript_upload_hist_shop_customer',
deploymentId:'customdeploy_upload_hist_shop_customer'}
const IMPORT_CUSTOMER={scriptId:'customscript_imp_customer',deploymentId:'customdeploy1',
onDemandDeploymentId:'customdeploy_imp_customer_rest'}
const EXPORT_CUSTOMER_IDS={scriptId:'customscript_export_customer',deploymentId:'customdeploy_export_customer',
onDemandDeploymentId:'customdeploy_export_customer_rest'}
const IMPORT_CUSTOMER_MR={scriptId:'customscript_hc_mr_import_customer',
deploymentId:'customdeploy_hc_mr_import_customer'}
const BATCH=4e3
const HEADER_LINE=csvLine([...HISTORICAL_CUSTOMER_HEADER])+CSV_EOL
const utf8Length=s=>s.length+s.replace(/[\0-\x7f]/g,'').length+s.replace(/[\0-\u07ff\ud800-\udfff]/g,'').length
const HEADER_BYTES=utf8Length(HEADER_LINE)
function historicalLine(c){const first=c.firstName||c.companyName
return csvLine([first,c.lastName,c.shopifyCustomerId,`SHOPIFY_CUST_ID:${c.shopifyCustomerId}|NETSUITE_CUSTOMER_ID:${c.id}`])+CSV_EOL
}const newSummary=exportedTotal=>({exportedThisExecution:0,exportedTotal,partsWritten:[],paused:false,finished:false,
duplicates:[]})
const partName=(stamp,n)=>`HistoricalShopifyCustomer-${stamp}-part${String(n).padStart(4,'0')}.csv`
function loadState(deps){const s=deps.checkpoint.load()
if(!s?.before||deps.partSaved(partName(s.runStamp,s.nextPart-1)))return s
return{runStamp:s.runStamp,...s.before,nextPart:s.nextPart-1,done:false}}
const duplicatesOf=(counts,deps)=>counts?[...counts].filter(([,n])=>n>1).map(([shopifyCustomerId,count])=>({
shopifyCustomerId,count})):deps.duplicates()
function runHistoricalExport(deps,maxFileBytes){const loaded=loadState(deps)
if(loaded?.done)return{...newSummary(loaded.exported),finished:true,alreadyFinished:true}
const state=loaded??{runStamp:utcStamp(deps.now()),after:'0',nextPart:1,exported:0,done:false}
const summary=newSummary(state.exported)
let lines=[]
let bytes=HEADER_BYTES
let lastId=state.after
let pending=0
const flush=(last=false)=>{const n=lines.length
if(!n&&!last)return
const name=partName(state.runStamp,state.nextPart)
if(n){state.before={after:state.after,exported:state.exported}
state.after=lastId
state.nextPart++
state.exported+=pending
summary.exportedThisExecution+=pending
summary.partsWritten.push(name)}state.done=last
deps.checkpoint.save(state,summary,n>0)
if(n)deps.savePart(name,HEADER_LINE+lines.join(''))
lines=[]
bytes=HEADER_BYTES
pending=0}
const counts=state.after==='0'?new Map:null
const stopCost=UNITS.fileSave+UNITS.folderSubmitFields
outer:for(;;){if(!deps.budget.canAfford(UNITS.searchPage+2*stopCost)){summary.paused=true
break}const batch=deps.fetchAfter(lastId)
for(const c of batch){const line=historicalLine(c)
const size=utf8Length(line)
if(lines.length>0&&bytes+size>maxFileBytes){flush()
if(!deps.budget.canAfford(2*stopCost)){summary.paused=true
break outer}}lines.push(line)
bytes+=size
counts?.set(c.shopifyCustomerId,(counts.get(c.shopifyCustomerId)??0)+1)
lastId=c.id
pending++}if(batch.length<(deps.batchSize??BATCH)){summary.finished=true
break}}if(summary.finished)summary.duplicates=duplicatesOf(counts,deps)
flush(summary.finished)
summary.exportedTotal=state.exported
return summary}const PER_FILE=UNITS.fileLoad+UNITS.sftpTransfer+3*UNITS.sftpOther+UNITS.fileLoad+UNITS.fileSave
function runHistoricalUpload(deps){const files=deps.listFiles()
const summary={uploaded:[],failed:[],remaining:0,paused:false}
for(let i=0;i<files.length;i++){const f=files[i]
if(!deps.budget.canAfford(PER_FILE)){summary.paused=true
summary.remaining=files.length-i
break}try{deps.upload(SFTP_FOLDERS.historical,f.name,deps.load(f.id))}catch(e){const{code,message}=describeError(e)
if(code==='SSS_USAGE_LIMIT_EXCEEDED')throw e
summary.failed.push({name:f.name,code,message})
continue}deps.archive(f.id)
summary.uploaded.push(f.name)}return summary}const STATE_MARK=' State: '
const SUITEQL_MAX_ROWS=1e5
const NAME_FIELDS=['firstname','lastname','companyname']
const customerOf=v=>{const[id,firstName,lastName,companyName,shopify]=v.map(x=>String(x??''))
return{id,firstName,lastName,companyName,shopifyCustomerId:shopify.trim()}}
function historicalExportStore(m,selection,folder){const{idField,savedSearchId,includeInactive}=selection
return{...savedSearchId?savedSearchReader(m.search,selection):{batchSize:SUITEQL_MAX_ROWS,
fetchAfter:suiteQlReader(m.query,`SELECT id,${NAME_FIELDS.join()},${idField} FROM customer WHERE ${idField} IS NOT NULL`+`${includeInactive?'':" AND isinactive='F'"} AND id>? ORDER BY id`)
},savePart:(name,contents)=>savePart(m.file,folder,name,contents),partSaved:name=>m.search.create({type:'file',
filters:[['name','is',name]]}).runPaged().count>0,duplicates:()=>duplicateIds(m.search,idField),
checkpoint:folderCheckpoint(m.record,folder)}}function suiteQlReader(query,sql){return after=>{
const paged=query.runSuiteQLPaged({query:sql,params:[Number(after)],pageSize:1e3})
const out=[]
for(const{index}of paged.pageRanges.slice(0,100))for(const r of paged.fetch({index
}).data.results)out.push(customerOf(r.values))
return out}}function savedSearchReader(search,{idField,savedSearchId,includeInactive}){
const base=[[idField,'isnotempty',''],...includeInactive?[]:['AND',['isinactive','is','F']]]
return{batchSize:BATCH,fetchAfter(after){const cursor=['internalidnumber','greaterthan',Number(after)]
const s=search.load({id:savedSearchId})
const own=s.filterExpression
s.filterExpression=own&&own.length?[own,'AND',...base,'AND',cursor]:[...base,'AND',cursor]
s.columns=[search.createColumn({name:'internalid',sort:search.Sort.ASC}),...NAME_FIELDS,idField]
const out=[]
s.run().each(r=>{out.push(customerOf([r.id,...[...NAME_FIELDS,idField].map(name=>r.getValue({name}))]))
return true})
return out}}}function savePart(file,folder,name,contents){const f=file.create({name,fileType:file.Type.CSV,contents,
folder:Number(folder.id),encoding:file.Encoding.UTF_8})
return String(f.save())}function duplicateIds(search,idField){const columns=[search.createColumn({name:idField,
summary:'group'}),search.createColumn({name:'internalid',summary:'count'})]
const filters=[search.createFilter({name:idField,operator:'isnotempty'}),search.createFilter({name:'internalid',
summary:'count',operator:'greaterthan',values:[1]})]
return search.create({type:'customer',filters,columns}).run().getRange({start:0,end:1e3}).map(r=>({
shopifyCustomerId:String(r.getValue(columns[0])??''),count:Number(r.getValue(columns[1]))}))}
function folderCheckpoint(record,folder){return{load:()=>{const at=folder.description.indexOf(STATE_MARK)
if(at<0)return null
try{return JSON.parse(folder.description.slice(at+STATE_MARK.length))}catch{return null}},save:state=>{
const status=state.done?`Finished: ${state.exported} customers in ${state.nextPart-1} part(s).`:`In progress: ${state.exported} customers exported, next part ${state.nextPart}.`
const description=`HotWax historical customer export. ${status}${STATE_MARK}${JSON.stringify(state)}`
if(folder.id===null){const created=record.create({type:record.Type.FOLDER})
created.setValue({fieldId:'name',value:folder.name})
created.setValue({fieldId:'description',value:description})
folder.id=String(created.save())}else record.submitFields({type:record.Type.FOLDER,id:folder.id,values:{description}})
folder.description=description}}}const RUN_RECORD={type:'customrecord_hc_sync_run',script:'custrecord_hc_run_script',
deployment:'custrecord_hc_run_deployment',ended:'custrecord_hc_run_ended',outcome:'custrecord_hc_run_outcome',
errors:'custrecord_hc_run_errors',summary:'custrecord_hc_run_summary'}
const RUN_HISTORY={keepDays:30,prunePerRun:2,maxErrorRows:200,maxSummaryBytes:3900}
function utf8Bytes(s){return encodeURIComponent(s).replace(/%[0-9A-F]{2}/gi,'x').length}
function storedSummary(summary,errorRows){const rows=errorRows.slice(0,RUN_HISTORY.maxErrorRows)
const files=Array.isArray(summary.fileResults)?[...summary.fileResults]:null
const errorCodes={}
for(const r of errorRows)errorCodes[r.errorCode]=(errorCodes[r.errorCode]??0)+1
const text=()=>JSON.stringify({...summary,...files?{fileResults:files}:{},...errorRows.length?{errorCodes}:{},
errorRows:rows,...rows.length<errorRows.length?{errorRowsOmitted:errorRows.length-rows.length}:{},
...files&&files.length<summary.fileResults.length?{fileResultsOmitted:summary.fileResults.length-files.length}:{}})
let out=text()
while(utf8Bytes(out)>RUN_HISTORY.maxSummaryBytes&&rows.length>0){rows.splice(Math.max(0,Math.floor(rows.length*.8)))
out=text()}while(utf8Bytes(out)>RUN_HISTORY.maxSummaryBytes&&files&&files.length>0){files.pop()
out=text()}return out}function recordRun(m,script,summary,extra={}){const now=extra.now??Date.now()
const rows=extra.errorRows??[]
const outcome=extra.outcome??(summary.failed===true?'failed':summary.rescheduled?'rescheduled':'complete')
const out={written:false,pruned:0}
try{
if(script.getRemainingUsage()<6)throw new SyncError(SYNC_ERROR_CODES.runHistoryNotWritten,'not enough units left to write the entry')
const rec=m.record.create({type:RUN_RECORD.type})
rec.setValue({fieldId:RUN_RECORD.script,value:script.id})
rec.setValue({fieldId:RUN_RECORD.deployment,value:script.deploymentId})
rec.setValue({fieldId:RUN_RECORD.ended,value:now})
rec.setValue({fieldId:RUN_RECORD.outcome,value:outcome})
rec.setValue({fieldId:RUN_RECORD.errors,value:rows.length})
rec.setValue({fieldId:RUN_RECORD.summary,value:storedSummary(summary,rows)})
rec.save()
out.written=true
if(outcome==='rescheduled'||extra.prune===false||script.getRemainingUsage()<10+4)return out
const expired=m.search.create({type:RUN_RECORD.type,
filters:[[RUN_RECORD.ended,'lessthan',now-RUN_HISTORY.keepDays*864e5]],columns:[m.search.createColumn({
name:RUN_RECORD.ended,sort:m.search.Sort.ASC})]}).run().getRange({start:0,end:RUN_HISTORY.prunePerRun})
for(const r of expired){if(script.getRemainingUsage()<4)break
m.record.delete({type:RUN_RECORD.type,id:r.id})
out.pruned++}}catch(e){m.log?.audit({title:'Run history not written',
details:`${e?.message??String(e)}. The AUDIT summary above is the record of this execution.`})}return out}
function parseErrorReport(csv){const{records}=parseCsvRecords(csv)
const header=records[0]?.fields??[]
const at=name=>header.indexOf(name)
const idx=ERROR_REPORT_HEADER.map(h=>at(h))
if(idx.some(i=>i<0))return[]
return records.slice(1).map(r=>({fileName:r.fields[idx[0]]??'',lineNumber:Number(r.fields[idx[1]])||0,
hcCustomerId:r.fields[idx[2]]??'',errorCode:r.fields[idx[3]]??'',errorMessage:r.fields[idx[4]]??''}))}
function capturingReports(feeds){const errorRows=[]
return{errorRows,feeds:observingReports(feeds,(_folder,name,csv)=>{
if(/-errors(-\d+)?\.csv$/.test(name))errorRows.push(...parseErrorReport(csv).map(r=>({...r,report:name})))})}}return{
CHECKPOINT_RECORD,CUSTOMER_FIELDS,CandidateIndex,CheckpointStore,DEFAULT_HANDOFF_ROWS,EXPORT_CUSTOMER_IDS,
GENERATE_HISTORICAL_CSV,GovernanceBudget,IMPORT_CUSTOMER,IMPORT_CUSTOMER_MR,MAX_HANDOFF_FEEDS,NetSuiteCustomerStore,
PARTY_IDENTIFICATION_HEADER,QUEUED_OR_ALIVE,RUN_RECORD,RunSummary,SFTP_FOLDERS,SFTP_MAX_FILE_SIZE,STOP_RESERVE,
SYNC_ERROR_CODES,SyncError,TIME_LIMITS,UNITS,UPLOAD_HISTORICAL_CSV,asSuiteScriptError,cabinetFiles,cachedId,
cachedSftpHint,capturingReports,checkboxParam,connect,connectWithScriptParams,customerFeedFolder,decideRow,
deploymentIsRunning,describeError,emptyCounts,endInError,feedCopies,filesInFolder,findFolder,folderWithDescription,
historicalExportStore,importOneFeed,integerParam,isCsv,isProblem,keepingAnswers,loadSftpSettings,logFeedResults,
matchKeys,openConnection,parseCsvRecords,parseFieldMap,readCustomerFeed,recordRun,reschedule,returnFeeds,
runCustomerImport,runHistoricalExport,runHistoricalUpload,scheduledBudget,submitMapReduce,summaryDetails,textHash,
textParam,timestampedCsvName,toCsv,toNewCustomer,uniqueSuffix,unreadableReason}})

