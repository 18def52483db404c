/**
 * A read-only preview of a description written in markdown. Raw HTML in the text is shown as
 * text (a planner's notes are never markup); the rendered HTML is still sanitized with DOMPurify
 * (its defaults drop scripts, event handlers and javascript: URLs; FORBID_TAGS and the style
 * attribute go too, so no images, styles, forms, frames, SVG or MathML). Links stay links but
 * a click on one is cancelled, so the preview never navigates.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { useMemo, type MouseEvent } from 'react';

const FORBID_TAGS = ['img', 'style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// Its own instance, so the escaping never leaks into other users of marked (the exporters).
const markdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

export function renderMarkdown(text: string): string {
  const html = markdown.parse(text, { async: false });
  return DOMPurify.sanitize(html, { FORBID_TAGS, FORBID_ATTR: ['style'] });
}

export function MarkdownPreview({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  const stopLinks = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
  };
  if (!text.trim()) return <p className="muted insp-empty">Nothing to preview.</p>;
  // Sanitized above; the only HTML the inspector ever inserts.
  return <div className="insp-markdown" data-testid="description-preview" onClick={stopLinks} dangerouslySetInnerHTML={{ __html: html }} />;
}
