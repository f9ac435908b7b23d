/** The part of multer's file record the batch upload reads (disk storage). */
export interface UploadedTaskFile {
  /** Where the upload was streamed to; removed once the batch is stored or refused. */
  path: string;
  /** The client's file name, for the format (`.csv`, `.jsonl`). */
  originalname: string;
  size: number;
}
