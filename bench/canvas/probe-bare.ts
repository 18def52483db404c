/**
 * The probe's peer: the bare React Flow page on the same crisis, with the same drag and the same
 * trace, so raster and style costs can be set side by side. `node --import tsx
 * bench/canvas/probe-bare.ts N`.
 */
import { generateDocument } from '../fixtures';
import { dragNode, panByWheel, settle } from './gestures';
import { DOM_CENSUS } from './page-probes';
import { WINDOW, bareGraph, openBare } from './pages';
import { startTrace, stopTrace } from './trace';

const [size = '2000', step = 'drag'] = process.argv.slice(2);
const doc = generateDocument({ crises: 1, nodesPerCrisis: Number(size), edgeFactor: 1.5, seed: 7 });
doc.crises[0]!.viewport = { x: 40, y: 40, zoom: 0.8 };
const opened = await openBare(bareGraph(doc, doc.crises[0]!.id, { width: WINDOW.width - 230, height: WINDOW.height - 79 }));
await settle(opened.page);
const browserCdp = await opened.page.context().browser()!.newBrowserCDPSession();
await startTrace(browserCdp);
if (step === 'drag') console.log('drag', await dragNode(opened.page).then((m) => m.perSecond.toFixed(1) + ' moves/s'));
if (step === 'census') console.log('census', JSON.stringify(await opened.page.evaluate(DOM_CENSUS)));
if (step === 'pan') console.log('pan', await panByWheel(opened.page).then((m) => m.perSecond.toFixed(1) + ' steps/s'));
for (const t of await stopTrace(browserCdp)) console.log('trace', t.ms.toFixed(0).padStart(7), t.key);
await opened.close();
