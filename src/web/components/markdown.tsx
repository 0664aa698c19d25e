import { Typography } from '@mantine/core';
import ReactMarkdown, { type Components } from 'react-markdown';

/** Links leave the app in a new tab and tell the browser not to pass on who sent them. */
const COMPONENTS: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
};

/**
 * Markdown from tickets, comments and questions, rendered safely: react-markdown builds React elements and
 * never raw HTML (HTML in the source stays text), and its URL transform drops `javascript:`
 * and other unsafe link targets.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <Typography fz="sm" style={{ overflowWrap: 'anywhere' }}>
      <ReactMarkdown components={COMPONENTS} skipHtml>
        {children}
      </ReactMarkdown>
    </Typography>
  );
}
