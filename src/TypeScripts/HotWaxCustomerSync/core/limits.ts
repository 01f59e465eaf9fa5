/**
 * NetSuite's File limits (docs/CONTRACTS.md §7): getContents() holds at most 10 MB
 * (SSS_FILE_CONTENT_SIZE_EXCEEDED); a CSV or text file over that is read with the flat-file
 * streaming API `File.lines.iterator()` (no units), each line under 10 MB. N/sftp downloads at most
 * Connection.MAX_FILE_SIZE = 100,000,000 bytes (FTP_MAXIMUM_FILE_SIZE_EXCEEDED).
 */
export const FILE_CONTENT_LIMIT = 10 * 1024 * 1024;
export const SFTP_MAX_FILE_SIZE = 100_000_000;
