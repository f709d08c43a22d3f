import type { CSSProperties, ReactNode } from 'react';

/** Hides from sight but not from screen readers. Inline, so it works in the unstyled mode too. */
const STYLE: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export function VisuallyHidden({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <span id={id} style={STYLE}>
      {children}
    </span>
  );
}
