/**
 * Hover: what is under the cursor, explained. Finds the element with
 * `locate()` on the cached model and renders Markdown from the knowledge
 * tables plus what this trace says about the message.
 */
import type { TraceModel } from '../model';
import { locate } from './locate';
import { renderTarget } from './render';

export interface HoverResult {
  readonly markdown: string;
  /** Extent of the token under the cursor (offsets). */
  readonly start: number;
  readonly end: number;
}

export function hoverAt(model: TraceModel, offset: number): HoverResult | null {
  const target = locate(model, offset);
  if (target === null) return null;
  const rendered = renderTarget(model, target);
  if (rendered === null) return null;
  return { markdown: rendered.markdown, start: rendered.start ?? target.start, end: rendered.end ?? target.end };
}
