// A translated sentence with a part in bold: the catalog marks it `<b>…</b>` so the sentence stays
// whole (a translation may move the bold part), and this turns the marks into <strong>.
import { Fragment } from 'react';

export function BoldText({ text }: { text: string }) {
  const parts = text.split(/<b>(.*?)<\/b>/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? <strong key={i}>{part}</strong> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}
