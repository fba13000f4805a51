import PDFDocument from 'pdfkit';
import type { Actor } from '../../core/access/actor.js';
import type { AppContext } from '../../core/context.js';
import { conflict } from '../../core/errors.js';
import { msg } from '../../core/i18n.js';
import { A4, cjkFont, pdfBuffer } from '../../core/pdf.js';
import { convenedMeeting, meetingDetail } from './meetings.js';
import { meetingMsg } from './messages.js';

const MARGIN = 56;
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The published minutes as an A4 PDF in Chinese: the meeting, its agenda, the units invited with their sign-in, the
 * minutes and the decisions with their units and due dates. An office over the meeting only; before the minutes: 409.
 */
export async function minutesPdf(ctx: AppContext, actor: Actor, id: string): Promise<{ pdf: Buffer; file: string }> {
  await convenedMeeting(ctx, actor, id);
  const m = await meetingDetail(ctx, actor, id, '');
  if (m.state !== 'minutes_published' || !m.minutes) throw conflict(null, meetingMsg.noMinutes, 'no_minutes');
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: m.title } });
  doc.registerFont('cjk', cjkFont());
  const done = pdfBuffer(doc);
  const width = A4.width - 2 * MARGIN;
  const zh = (entry: { zh: string; en: string }, params: Record<string, string | number> = {}) => msg(entry, params).zh;
  doc.font('cjk').fontSize(18).text(zh(meetingMsg.minutesTitle, { place: m.placeName }), { width, align: 'center' });
  doc.moveDown(0.3).fontSize(13).text(m.title, { width, align: 'center' });
  doc.moveDown(0.8).fontSize(10.5).fillColor('#333')
    .text(zh(meetingMsg.pdfTime, { at: beijing(m.heldAt ?? m.plannedAt) }), { width })
    .text(zh(meetingMsg.pdfVenue, { venue: m.venue }), { width })
    .text(zh(meetingMsg.pdfConvenor, { name: m.convenorName ?? '' }), { width });
  const heading = (text: string) => doc.moveDown(0.8).fillColor('black').fontSize(13).text(text, { width }).moveDown(0.2).fontSize(10.5);
  heading(zh(meetingMsg.pdfAgenda));
  m.items.forEach((it, i) => doc.text(`${i + 1}. ${it.title}${it.needId ? zh(meetingMsg.pdfNeedItem) : ''}`, { width }));
  const signed = m.invitations.filter((i) => i.signedInAt).length;
  heading(zh(meetingMsg.pdfAttendance, { n: signed, total: m.invitations.length }));
  for (const i of m.invitations) doc.text(`${i.unitName}  ${i.signedInAt ? zh(meetingMsg.pdfSigned, { at: beijing(i.signedInAt) }) : zh(meetingMsg.pdfAbsent)}`, { width });
  heading(zh(meetingMsg.pdfMinutes));
  doc.text(m.minutes, { width, lineGap: 3 });
  heading(zh(meetingMsg.pdfDecisions));
  if (!m.tasks.length) doc.text(zh(meetingMsg.pdfNone), { width });
  m.tasks.forEach((t, i) => doc.text(`${i + 1}. ${zh(meetingMsg.pdfTask, { title: t.title, unit: t.unitName, due: t.dueOn })}`, { width }));
  doc.end();
  return { pdf: await done, file: zh(meetingMsg.minutesFile, { title: m.title }) };
}
