/** A piece of text from the search API; `match` pieces are what the query found. */
export interface TextPiece {
  text: string;
  match: boolean;
}

/**
 * Text with the search's matches marked. The pieces are rendered as text nodes and `<mark>`
 * elements, never as HTML, so nothing in an entry can inject markup.
 */
export function HighlightText({ pieces, text }: { pieces?: readonly TextPiece[]; text: string }) {
  if (!pieces || pieces.length === 0) return <>{text}</>;
  return (
    <>
      {pieces.map((piece, index) =>
        piece.match ? (
          <mark key={index} className="sy-mark">
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}
