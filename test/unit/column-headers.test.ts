// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { columnHeaders } from '../../extension/clinic/context';

const table = (html: string) => {
  const el = document.createElement('table');
  el.innerHTML = html;
  return el;
};

describe('columnHeaders (the queue and the handed-over list find their columns by these)', () => {
  it("reads the table's own <thead> cells in order, spaces folded", () => {
    const t = table(
      '<thead><tr><th>Prio</th><th> Patient\n</th><td>Väntat</td></tr></thead><tbody><tr><td>3</td><td>A</td><td>5 min</td></tr></tbody>',
    );
    expect(columnHeaders(t)).toEqual(['Prio', 'Patient', 'Väntat']);
  });

  it('a table nested in a body cell does not lend its headers', () => {
    const t = table('<tbody><tr><td><table><thead><tr><th>Fel</th></tr></thead></table></td></tr></tbody>');
    // No head of its own, no ARIA headers, a first row of <td>: none.
    expect(columnHeaders(t)).toEqual([]);
  });

  it('falls back to ARIA column headers, then to a first row of only <th>', () => {
    const aria = document.createElement('div');
    aria.setAttribute('role', 'table');
    aria.innerHTML =
      '<div role="row"><span role="columnheader">Prio</span><span role="columnheader">Patient</span></div>';
    expect(columnHeaders(aria)).toEqual(['Prio', 'Patient']);
    expect(columnHeaders(table('<tr><th>Prio</th><th>Patient</th></tr><tr><td>1</td><td>B</td></tr>'))).toEqual([
      'Prio',
      'Patient',
    ]);
  });
});
