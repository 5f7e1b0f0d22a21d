/**
 * The JSON file a member receives from `/mentoring mydata`: everything in
 * `MyData`, dates as ISO 8601 (UTC), with a line saying what it is.
 */
import type { FileAttachment as Attachment } from "../messages/attachment";
import type { MyData } from "./my-data";

/** Bumped when the file's shape changes, so a reader can tell versions apart. */
export const MY_DATA_FORMAT = "sebaya-mydata/1";

export function myDataDocument(data: MyData, exportedAt: Date): Attachment {
  const document = {
    format: MY_DATA_FORMAT,
    exportedAt,
    about: "Everything Sebaya holds about you in this workspace. Partners appear by display name only.",
    ...data,
  };
  return {
    name: `sebaya-mydata-${exportedAt.toISOString().slice(0, 10)}.json`,
    mime: "application/json",
    // Dates become ISO strings through their toJSON.
    text: `${JSON.stringify(document, null, 2)}\n`,
  };
}
