// Choosing a file with a button of one's own words: a hidden file input that the button opens. The input is
// emptied after each choice, so choosing the same file again reads it again.
import { useRef } from 'react';

export function useFilePicker({ accept, testId, onFile }: { accept: string; testId: string; onFile: (file: File) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const input = (
    <input
      ref={ref}
      type="file"
      accept={accept}
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
  return { open: () => ref.current?.click(), input };
}
