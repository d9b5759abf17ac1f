// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ScenarioEditor } from '../src/components/ScenarioEditor.js';
import { AbstractionForm } from '../src/components/AbstractionForm.js';
import { normalizePath } from '../src/issues.js';
import { setFetch } from '../src/api.js';
import { fakeFetch, record, scenario } from './fixtures.js';

afterEach(cleanup);

const problem = {
  type: 'https://patrolplan.dev/problems/validation',
  title: 'The scenario is not valid',
  status: 400,
  code: 'validation',
  issues: [
    { path: 'officers.1.contractMinutesPerWeek', message: 'must be a positive number' },
    { path: 'hotspots.0.saturationOfficers', message: 'must be at least 1' },
    { path: 'shiftTypes.2.weekdays', message: 'must name at least one weekday' },
    { path: 'startDate', message: 'must be a date YYYY-MM-DD' },
  ],
};

describe('validation errors beside the field they concern', () => {
  it('normalises issue paths in their usual spellings', () => {
    expect(normalizePath('officers.3.rank')).toBe('officers.3.rank');
    expect(normalizePath(['officers', 3, 'rank'])).toBe('officers.3.rank');
    expect(normalizePath('/officers/3/rank')).toBe('officers.3.rank');
    expect(normalizePath('body.officers[3].rank')).toBe('officers.3.rank');
    expect(normalizePath('')).toBe('');
  });

  it('shows the API problem+json issues beside each field and in a linked summary', async () => {
    const api = fakeFetch({ 'PUT /v1/scenarios/sc1': () => ({ status: 400, body: problem }) });
    setFetch(api.impl);
    const user = userEvent.setup();
    render(<ScenarioEditor record={record} onSaved={vi.fn()} onReload={vi.fn()} />);

    const hours = screen.getByLabelText('Contract hours per week of PS Beth Jones');
    await user.clear(hours);
    await user.type(hours, '-5');
    await user.click(screen.getByRole('button', { name: 'Save scenario' }));

    await screen.findByText('must be a positive number');
    expect(api.calls[0]!.headers['If-Match']).toBe('"3"');
    expect((api.calls[0]!.body as typeof scenario).officers[1]!.contractMinutesPerWeek).toBe(-300);

    // beside the field: same table cell, wired with aria-invalid and aria-describedby
    expect(hours).toHaveAttribute('aria-invalid', 'true');
    expect(hours).toHaveAccessibleDescription('must be a positive number');
    expect(hours.closest('td')).toHaveTextContent('must be a positive number');
    expect(screen.getByLabelText('Saturation of High Street')).toHaveAccessibleDescription('must be at least 1');
    expect(screen.getByLabelText('First day')).toHaveAccessibleDescription('must be a date YYYY-MM-DD');
    const weekdays = screen.getByRole('group', { name: 'Weekdays of Night' });
    expect(weekdays).toHaveTextContent('must name at least one weekday');
    // fields without issues stay clean
    expect(screen.getByLabelText('Contract hours per week of PC Amir Khan')).not.toHaveAttribute('aria-invalid');

    // the summary names each place in words and links to the field
    const summary = screen.getByRole('alert', { name: 'The scenario is not valid' });
    const link = within(summary).getByRole('link', { name: 'Officer 2 (PS Beth Jones) › contractMinutesPerWeek' });
    expect(within(summary).getByRole('link', { name: 'Hotspot 1 (High Street) › saturationOfficers' })).toBeInTheDocument();
    await user.click(link);
    expect(hours).toHaveFocus();
  });

  it('saves with If-Match and reports a conflict when someone else saved first', async () => {
    const api = fakeFetch({ 'PUT /v1/scenarios/sc1': () => ({ status: 412, body: { title: 'Precondition failed', status: 412, code: 'stale' } }) });
    setFetch(api.impl);
    const user = userEvent.setup();
    const onReload = vi.fn();
    render(<ScenarioEditor record={record} onSaved={vi.fn()} onReload={onReload} />);
    await user.click(screen.getByRole('button', { name: 'Save scenario' }));
    await user.click(await screen.findByRole('button', { name: 'Load their version' }));
    expect(onReload).toHaveBeenCalled();
  });

  it('abstraction form: inclusive last day becomes an exclusive end; API issues shown beside the dates', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(
      <AbstractionForm officers={scenario.officers} officerId="o2" date="2025-11-04" minDate="2025-11-03" maxDate="2025-11-09" problem={null} busy={false} onSubmit={onSubmit} onCancel={vi.fn()} />,
    );
    expect(screen.getByLabelText('Officer')).toHaveFocus();
    expect(screen.getByLabelText('Officer')).toHaveValue('o2');
    const last = screen.getByLabelText('Last day');
    await user.clear(last);
    await user.type(last, '2025-11-02');
    expect(screen.getByRole('alert')).toHaveTextContent('The last day is before the first day.');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.clear(last);
    await user.type(last, '2025-11-05');
    await user.selectOptions(screen.getByLabelText('Reason'), 'leave');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith('o2', { kind: 'leave', start: '2025-11-04', end: '2025-11-06' });

    rerender(
      <AbstractionForm
        officers={scenario.officers} officerId="o2" date="2025-11-04" minDate="2025-11-03" maxDate="2025-11-09" busy={false} onSubmit={onSubmit} onCancel={vi.fn()}
        problem={{ title: 'Invalid', status: 400, issues: [{ path: 'start', message: 'overlaps an existing abstraction' }] }}
      />,
    );
    expect(screen.getByLabelText('First day')).toHaveAccessibleDescription('overlaps an existing abstraction');
  });
});
