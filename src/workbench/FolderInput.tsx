import type { MutableRefObject } from "react";

/**
 * A hidden folder chooser: a button of the page clicks it, and `onFiles` gets every file below the chosen folder, each
 * with its `webkitRelativePath`. Cleared after each choice so that choosing the same folder again is seen.
 */
export function FolderInput({ inputRef, testId, onFiles }: { inputRef: MutableRefObject<HTMLInputElement | null>; testId: string; onFiles: (files: File[]) => void }) {
  return (
    <input
      ref={(el) => {
        inputRef.current = el;
        // React knows no webkitdirectory prop; the attribute is what Chromium, Edge and Firefox read.
        el?.setAttribute("webkitdirectory", "");
      }}
      type="file"
      hidden
      data-testid={testId}
      onChange={(e) => {
        onFiles(Array.from(e.target.files ?? []));
        e.target.value = "";
      }}
    />
  );
}
