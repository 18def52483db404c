/**
 * The layout worker: takes one job per message and answers with its id. Holds no state between
 * jobs. Typed by tsconfig.worker.json (the WebWorker library), where `self` is the worker's scope.
 */
import { replyTo } from '../../../core/layout/jobs';
import type { LayoutReply, LayoutRequest } from '../../../core/layout/jobs';

self.addEventListener('message', (event: MessageEvent<LayoutRequest>) => {
  const reply: LayoutReply = replyTo(event.data);
  self.postMessage(reply);
});
