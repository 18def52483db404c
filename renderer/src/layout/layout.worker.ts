/** The layout worker: takes one job per message and answers with its id. Holds no state between jobs. */
import { replyTo } from '../../../core/layout/jobs';
import type { LayoutReply, LayoutRequest } from '../../../core/layout/jobs';

/** The two members of DedicatedWorkerGlobalScope we use; the web tsconfig types `self` as a Window. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutReply): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => scope.postMessage(replyTo(event.data));
