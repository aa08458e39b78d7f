// A responsive photo: WebP with a JPEG fallback, every generated width in srcset, width and
// height set so the page does not jump, lazy unless it is above the fold.
import { focusClass, type Photo, photoUrl, scaledHeight, srcset, widthFor } from './photo.js'

export function Picture(props: {
  photo: Photo
  /** The `sizes` attribute: how wide the photo is drawn. */
  sizes: string
  /** Width of the fallback `src`. */
  width: number
  eager?: boolean
  alt?: string
  class?: string
}) {
  const { photo } = props
  const fallback = widthFor(photo, props.width)
  return (
    <picture class={props.class}>
      <source type="image/webp" srcset={srcset(photo, 'webp')} sizes={props.sizes} />
      <img
        src={photoUrl(photo, fallback, 'jpg')}
        srcset={srcset(photo, 'jpg')}
        sizes={props.sizes}
        width={fallback}
        height={scaledHeight(photo, fallback)}
        alt={props.alt ?? photo.alt}
        class={focusClass(photo)}
        loading={props.eager ? 'eager' : 'lazy'}
        decoding="async"
        {...(props.eager ? { fetchpriority: 'high' } : {})}
      />
    </picture>
  )
}

/** A photo with its caption and credit line (사진=홍길동 기자), as news pages print them. */
export function Figure(props: {
  photo: Photo
  caption?: string | null
  credit?: string | null
  alt?: string | null
  eager?: boolean
}) {
  const caption = props.caption ?? props.photo.caption
  const credit = props.credit ?? props.photo.credit
  return (
    <figure class="photo">
      <Picture
        photo={props.photo}
        sizes="(min-width: 760px) 720px, 100vw"
        width={960}
        eager={props.eager}
        alt={props.alt ?? props.photo.alt}
      />
      {(caption || credit) && (
        <figcaption>
          {caption && <span class="caption">{caption}</span>}
          {credit && <span class="credit">{credit}</span>}
        </figcaption>
      )}
    </figure>
  )
}
