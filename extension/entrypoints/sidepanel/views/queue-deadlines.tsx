import type { QueueDeadlinesModel } from '../../../features/queue-deadlines';
import { HandedOver } from '../handed-over-list';
import { NotifyLine, PANEL_STYLE, Summary } from '../queue-summary';
import { defineView } from './view';

/**
 * R-Q-1: Väntar i kö in turn order with the notification state (on Drop in with no readable row,
 * only an unreadable shift is said); R-Q-4: the cases handed over to the clinician. The badges
 * beside the rows stay in the page.
 */
export default defineView<QueueDeadlinesModel>('queue-deadlines', ({ model }) => {
  const { thresholds, notify, queue, handedOver } = model;
  return (
    <>
      <style>{PANEL_STYLE}</style>
      {queue && queue.length > 0 && <Summary rows={queue} thresholds={thresholds} notify={notify} />}
      {queue?.length === 0 && notify === 'off-unknown' && <NotifyLine state={notify} />}
      {handedOver && <HandedOver lines={handedOver} thresholds={thresholds} />}
    </>
  );
});
