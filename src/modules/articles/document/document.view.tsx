// Renders a stored article body. Every node type of the schema has one case here; text goes
// through Preact, so nothing a user typed reaches the page unescaped.

import { messages as m, msg } from '../../../platform/i18n/messages.js'
import type { Photo } from '../../media/index.js'
import { Figure } from '../../media/index.js'
import type { ArticleDocument, DocumentBlock, InlineNode, TableNode } from './document.schema.js'
import { EMBED_PROVIDERS, type EmbedProvider } from './embeds.js'

export function Inline(props: { nodes: InlineNode[] | undefined }) {
  return (
    <>
      {(props.nodes ?? []).map((node) => {
        if (node.type === 'hardBreak') return <br />
        let out: preact.ComponentChild = node.text
        for (const mark of node.marks ?? []) {
          if (mark.type === 'bold') out = <strong>{out}</strong>
          else if (mark.type === 'italic') out = <em>{out}</em>
          else if (mark.type === 'link') {
            const external = /^https?:\/\//i.test(mark.attrs.href)
            out = (
              <a href={mark.attrs.href} {...(external ? { rel: 'noopener nofollow', target: '_blank' } : {})}>
                {out}
              </a>
            )
          }
        }
        return out
      })}
    </>
  )
}

function Block(props: { block: DocumentBlock; photos: Map<number, Photo> }) {
  const { block } = props
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Inline nodes={block.content} />
        </p>
      )
    case 'heading':
      return block.attrs.level === 2 ? (
        <h2>
          <Inline nodes={block.content} />
        </h2>
      ) : (
        <h3>
          <Inline nodes={block.content} />
        </h3>
      )
    case 'blockquote':
      return (
        <blockquote>
          {block.content.map((p) => (
            <p>
              <Inline nodes={p.content} />
            </p>
          ))}
          {block.attrs?.cite && <cite>{block.attrs.cite}</cite>}
        </blockquote>
      )
    case 'bulletList':
    case 'orderedList': {
      const items = block.content.map((li) => (
        <li>
          {li.content.map((p) => (
            <Inline nodes={p.content} />
          ))}
        </li>
      ))
      return block.type === 'bulletList' ? <ul>{items}</ul> : <ol>{items}</ol>
    }
    case 'photo': {
      const photo = props.photos.get(block.attrs.photoId)
      return photo ? (
        <Figure
          photo={photo}
          caption={block.attrs.caption}
          credit={block.attrs.credit}
          alt={block.attrs.alt}
        />
      ) : null
    }
    case 'youtube':
      return (
        <div class="embed">
          <iframe
            src={`https://www.youtube-nocookie.com/embed/${block.attrs.videoId}`}
            title="YouTube"
            loading="lazy"
            allow="encrypted-media; picture-in-picture"
            allowFullScreen
          />
        </div>
      )
    case 'embed':
      return <EmbedPlaceholder provider={block.attrs.provider} id={block.attrs.id} />
    case 'horizontalRule':
      return <hr />
    case 'table':
      return <TableBlock table={block} />
  }
}

/** Wide tables scroll sideways on a phone instead of widening the page. */
function TableBlock(props: { table: TableNode }) {
  return (
    <div class="table-scroll">
      <table>
        <tbody>
          {props.table.content.map((row) => (
            <tr>
              {row.content.map((cell) => {
                const paragraphs = cell.content.map((p, i) => (
                  <>
                    {i > 0 && <br />}
                    <Inline nodes={p.content} />
                  </>
                ))
                return cell.type === 'tableHeader' ? <th scope="col">{paragraphs}</th> : <td>{paragraphs}</td>
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function DocumentBody(props: {
  doc: ArticleDocument
  photos: Map<number, Photo>
  /** What to show after a block (a published correction beside the passage it corrects). */
  after?: (block: DocumentBlock) => preact.ComponentChild
}) {
  return (
    <>
      {props.doc.content.map((block) => (
        <>
          <Block block={block} photos={props.photos} />
          {props.after?.(block)}
        </>
      ))}
    </>
  )
}

/**
 * An embedded post as a light placeholder: a link to the post (what a reader without scripts
 * follows) and the frame's address, which article.ts loads in place on a click, and for a
 * video also when the reader scrolls near.
 * `data-tp` names the provider, so this page's CSP admits its frames (ADR 033).
 */
function EmbedPlaceholder(props: { provider: EmbedProvider; id: string }) {
  const p = EMBED_PROVIDERS[props.provider]
  const provider = p.name
  return (
    <div
      class={p.video ? 'embed embed-card' : 'embed-post embed-card'}
      data-tp={props.provider}
      data-embed-src={p.frame(props.id)}
      data-embed-title={provider}
      data-embed-near={p.video ? '' : undefined}
    >
      <a href={p.link(props.id)} rel="noopener">
        {msg(p.video ? m.article.embedVideo : m.article.embedLoad, { provider })}
      </a>
    </div>
  )
}
