// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { spacedText } from '../../extension/clinic/text';

const cell = (html: string) => {
  const td = document.createElement('td');
  td.innerHTML = html;
  return td;
};

describe('spacedText', () => {
  it('a cell of one text node reads as its text, spaces normalised (the fast path)', () => {
    expect(spacedText(cell('  12\u00a0min '))).toBe('12 min');
    expect(spacedText(cell(''))).toBe('');
  });

  it('separate text nodes and elements are read with a space between, never glued', () => {
    const td = cell('<span>19900101</span><span>-2385</span>');
    expect(spacedText(td)).toBe('19900101 -2385');
    const twoNodes = cell('');
    twoNodes.append('Prio', '2');
    expect(spacedText(twoNodes)).toBe('Prio 2');
    expect(spacedText(cell('<b>Prio</b> 2 <!-- note -->'))).toBe('Prio 2');
  });

  it('a cell holding only a link or a span reads as the text inside it (the fast path through single elements)', () => {
    expect(spacedText(cell('<a href="/besok/1"><span>  Anna\n Andersson </span></a>'))).toBe('Anna Andersson');
    expect(spacedText(cell('<span><b>Prio</b>2</span>'))).toBe('Prio 2');
    expect(spacedText(cell('<span><br></span>'))).toBe('');
  });

  it('leaves out the parts named by `without`, however the cell is built', () => {
    expect(spacedText(cell('Anna<button>Kopiera</button>'), 'button')).toBe('Anna');
    expect(spacedText(cell('<span><button>Kopiera</button></span>'), 'button')).toBe('');
  });
});
