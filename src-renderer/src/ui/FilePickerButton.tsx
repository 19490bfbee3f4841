// A button-styled label around a hidden file input: keyboard- and screen-reader-reachable by
// its accessible name, and the same input can be chosen twice in a row.
import type { RefObject } from 'react';
import type { ChosenFile } from '../app/chosen-files';
import { readDroppedFiles } from './useImportFlows';

export function FilePickerButton(props: {
  /** The input's accessible name (tests and assistive technology find it by this). */
  label: string;
  text: string;
  accept: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  onFiles: (files: ChosenFile[]) => unknown;
}) {
  return (
    <label className="button">
      {props.text}
      <input
        ref={props.inputRef}
        className="visually-hidden"
        type="file"
        multiple
        accept={props.accept}
        aria-label={props.label}
        onChange={(e) => {
          const files = e.target.files;
          if (files) void readDroppedFiles(files).then(props.onFiles);
          e.target.value = '';
        }}
      />
    </label>
  );
}
