// A refused newsroom action, shown in the newsroom's own frame with its Korean reason.
import { renderPage } from '../../../platform/views/render.js'
import { nm } from '../newsroom.messages.js'
import { type Frame, NewsroomLayout } from './layout.js'

export const renderRefusal = (frame: Frame, reason: string) =>
  renderPage(
    <NewsroomLayout frame={frame} title={nm.title} error={reason}>
      {null}
    </NewsroomLayout>,
  )
