import { describe, expect, it } from 'vitest';
import { boundingBox } from '../../../core/bounds';

describe('boundingBox', () => {
  it('holds every box, whatever their order and overlap', () => {
    const boxes = [
      { x: 40, y: 10, width: 20, height: 30 },
      { x: -5, y: 25, width: 10, height: 10 },
      { x: 30, y: -20, width: 100, height: 5 },
    ];
    expect(boundingBox(boxes)).toEqual({ x: -5, y: -20, width: 135, height: 60 });
    expect(boundingBox(boxes.slice().reverse())).toEqual(boundingBox(boxes));
  });

  it('is null for no boxes, and reads any iterable once', () => {
    expect(boundingBox([])).toBeNull();
    const once = new Map([['a', { x: 1, y: 2, width: 3, height: 4 }]]).values();
    expect(boundingBox(once)).toEqual({ x: 1, y: 2, width: 3, height: 4 });
  });
});
