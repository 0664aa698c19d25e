import { describe, expect, it } from 'vitest';
import { clock, on, P2, p2, servicePaused, serviceRunning, targets, ticket, vlan } from './plan.fixture.ts';
import { planClocks, type TicketEvent } from './plan.ts';

describe('a new ticket', () => {
  it("starts the owner's first-response and resolution clocks", () => {
    expect(planClocks(ticket('new'), { type: 'created' }, [], p2)).toEqual([
      {
        do: 'start',
        party: 'provider',
        kind: 'first_response',
        target: on(60),
        running: true,
        reason: 'ticket created',
      },
      {
        do: 'start',
        party: 'provider',
        kind: 'resolution',
        target: on(240),
        running: true,
        reason: 'ticket created',
      },
    ]);
  });

  it('starts only the clocks the policy has a target for, for the owning party', () => {
    const plan = planClocks(
      ticket('new', 'internal'),
      { type: 'created' },
      [],
      targets({ 'internal resolution': on(960) }),
    );
    expect(plan).toEqual([
      {
        do: 'start',
        party: 'internal',
        kind: 'resolution',
        target: on(960),
        running: true,
        reason: 'ticket created',
      },
    ]);
  });

  it('never starts a clock that is already open', () => {
    const plan = planClocks(
      ticket('new'),
      { type: 'created' },
      [clock('fr', 'provider', 'first_response')],
      p2,
    );
    expect(plan.map((a) => a.do === 'start' && a.kind)).toEqual(['resolution']);
  });
});

describe('a response', () => {
  it('by the owner stops first response and restarts the update cadence', () => {
    expect(
      planClocks(ticket('in_progress'), { type: 'responded', party: 'provider' }, serviceRunning, p2),
    ).toEqual([
      { do: 'stop', clockId: 'fr', reason: 'first response by provider' },
      { do: 'stop', clockId: 'upd', reason: 'update by provider' },
      {
        do: 'start',
        party: 'provider',
        kind: 'update',
        target: on(120),
        running: true,
        reason: 'next update owed by provider',
      },
    ]);
  });

  it('while the ticket waits on someone else starts the next update paused', () => {
    const plan = planClocks(
      ticket('waiting_on_requester'),
      { type: 'responded', party: 'provider' },
      servicePaused,
      p2,
    );
    expect(plan.at(-1)).toMatchObject({ do: 'start', kind: 'update', running: false });
  });

  it('by the other party changes no clock', () => {
    expect(
      planClocks(ticket('in_progress'), { type: 'responded', party: 'internal' }, serviceRunning, p2),
    ).toEqual([]);
  });

  it('on a resolved ticket starts no update cadence', () => {
    expect(planClocks(ticket('resolved'), { type: 'responded', party: 'provider' }, [], p2)).toEqual([]);
  });
});

describe('waiting on someone', () => {
  const toInternal: TicketEvent = {
    type: 'status_changed',
    from: 'in_progress',
    to: 'waiting_on_internal',
    cause: vlan,
  };

  it("pauses the owner's clocks and starts the waited-on party's clock", () => {
    const reason = 'waiting on internal: info request LOGI-57: "Which VLAN?"';
    expect(planClocks(ticket('waiting_on_internal'), toInternal, serviceRunning, p2)).toEqual([
      { do: 'pause', clockId: 'fr', reason },
      { do: 'pause', clockId: 'res', reason },
      { do: 'pause', clockId: 'upd', reason },
      {
        do: 'start',
        party: 'internal',
        kind: 'info_request_response',
        target: on(480),
        running: true,
        reason,
      },
    ]);
  });

  it('starts the clock of the kind the wait names', () => {
    const approval = { kind: 'change_approval' as const, reason: 'change LOGI-60 needs approval' };
    const plan = planClocks(ticket('waiting_on_internal'), { ...toInternal, cause: approval }, [], p2);
    expect(plan).toEqual([
      {
        do: 'start',
        party: 'internal',
        kind: 'change_approval',
        target: on(1440),
        running: true,
        reason: 'waiting on internal: change LOGI-60 needs approval',
      },
    ]);
  });

  it('on the requester pauses the owner and starts nobody', () => {
    const event: TicketEvent = {
      type: 'status_changed',
      from: 'in_progress',
      to: 'waiting_on_requester',
      by: 'Sam Patel',
    };
    expect(planClocks(ticket('waiting_on_requester'), event, serviceRunning.slice(1, 2), p2)).toEqual([
      { do: 'pause', clockId: 'res', reason: 'waiting on requester: status set by Sam Patel' },
    ]);
  });

  it("on the owner itself is the owner's move: nothing pauses", () => {
    const event: TicketEvent = { type: 'status_changed', from: 'in_progress', to: 'waiting_on_provider' };
    expect(planClocks(ticket('waiting_on_provider'), event, serviceRunning, p2)).toEqual([]);
  });

  it('ends when the ball comes back: the wait clock stops and the owner resumes', () => {
    const event: TicketEvent = {
      type: 'status_changed',
      from: 'waiting_on_internal',
      to: 'in_progress',
      by: 'Sam Patel',
    };
    const reason = 'back with provider: status set to in progress by Sam Patel';
    const open = [...servicePaused, clock('ir', 'internal', 'info_request_response')];
    expect(planClocks(ticket('in_progress'), event, open, p2)).toEqual([
      { do: 'stop', clockId: 'ir', reason },
      { do: 'resume', clockId: 'fr', reason },
      { do: 'resume', clockId: 'res', reason },
      { do: 'resume', clockId: 'upd', reason },
    ]);
  });

  it('moving from the other party to the requester stops the wait and keeps the owner paused', () => {
    const event: TicketEvent = {
      type: 'status_changed',
      from: 'waiting_on_internal',
      to: 'waiting_on_requester',
    };
    const open = [...servicePaused, clock('ca', 'internal', 'change_approval')];
    expect(planClocks(ticket('waiting_on_requester'), event, open, p2)).toEqual([
      { do: 'stop', clockId: 'ca', reason: 'waiting on requester' },
    ]);
  });

  it('moving from the requester to the other party starts its clock', () => {
    const event: TicketEvent = {
      type: 'status_changed',
      from: 'waiting_on_requester',
      to: 'waiting_on_internal',
    };
    expect(planClocks(ticket('waiting_on_internal'), event, servicePaused, p2)).toEqual([
      expect.objectContaining({
        do: 'start',
        party: 'internal',
        kind: 'info_request_response',
        running: true,
      }),
    ]);
  });

  it('on an internal-owned ticket works the other way round', () => {
    const event: TicketEvent = {
      type: 'status_changed',
      from: 'triaged',
      to: 'waiting_on_provider',
      cause: vlan,
    };
    const open = [clock('ires', 'internal', 'resolution')];
    expect(planClocks(ticket('waiting_on_provider', 'internal'), event, open, p2)).toMatchObject([
      { do: 'pause', clockId: 'ires' },
      { do: 'start', party: 'provider', kind: 'info_request_response', running: true },
    ]);
  });
});

describe('resolving, reopening and closing', () => {
  const open = [
    ...serviceRunning,
    clock('ir', 'internal', 'info_request_response'),
    clock('ij', 'internal', 'incident_join'),
  ];

  it('resolving stops first response and resolution and cancels everything else', () => {
    const event: TicketEvent = { type: 'status_changed', from: 'in_progress', to: 'resolved' };
    expect(planClocks(ticket('resolved'), event, open, p2)).toEqual([
      { do: 'stop', clockId: 'fr', reason: 'ticket resolved' },
      { do: 'stop', clockId: 'res', reason: 'ticket resolved' },
      { do: 'stop', clockId: 'upd', reason: 'ticket resolved', cancel: true },
      { do: 'stop', clockId: 'ir', reason: 'ticket resolved', cancel: true },
      { do: 'stop', clockId: 'ij', reason: 'ticket resolved', cancel: true },
    ]);
  });

  it('reopening starts new resolution and update clocks', () => {
    const event: TicketEvent = {
      type: 'status_changed',
      from: 'resolved',
      to: 'in_progress',
      by: 'Sam Patel',
    };
    expect(planClocks(ticket('in_progress'), event, [], p2)).toEqual([
      {
        do: 'start',
        party: 'provider',
        kind: 'resolution',
        target: on(240),
        running: true,
        reason: 'ticket reopened by Sam Patel',
      },
      {
        do: 'start',
        party: 'provider',
        kind: 'update',
        target: on(120),
        running: true,
        reason: 'ticket reopened by Sam Patel',
      },
    ]);
  });

  it('closing cancels every open clock', () => {
    const event: TicketEvent = { type: 'status_changed', from: 'resolved', to: 'closed' };
    const plan = planClocks(ticket('closed'), event, open, p2);
    expect(plan).toEqual(
      open.map((c) => ({ do: 'stop', clockId: c.id, reason: 'ticket closed', cancel: true })),
    );
  });
});

describe('a priority or kind change', () => {
  it('retargets the clocks whose target changed and cancels those without one', () => {
    const p1 = targets({
      ...P2,
      'provider resolution': on(60),
      'provider update': undefined,
      'provider first_response': on(60, '24/7'),
    });
    const plan = planClocks(
      ticket('in_progress'),
      { type: 'retargeted', changed: ['priority'] },
      serviceRunning,
      p1,
    );
    expect(plan).toEqual([
      {
        do: 'retarget',
        clockId: 'fr',
        target: on(60, '24/7'),
        reason: 'priority changed: calendar office → 24/7',
      },
      { do: 'retarget', clockId: 'res', target: on(60), reason: 'priority changed: target 240 → 60 min' },
      { do: 'stop', clockId: 'upd', reason: 'priority changed: no update target any more', cancel: true },
    ]);
  });

  it('leaves clocks alone when the targets are the same', () => {
    expect(
      planClocks(ticket('in_progress'), { type: 'retargeted', changed: ['kind'] }, serviceRunning, p2),
    ).toEqual([]);
  });
});

describe('a change of owner', () => {
  it("cancels the old owner's clocks and starts the new owner's", () => {
    const event: TicketEvent = { type: 'owner_changed', from: 'provider', to: 'internal' };
    const reason = 'ownership moved to internal';
    expect(planClocks(ticket('in_progress', 'internal'), event, serviceRunning, p2)).toEqual([
      { do: 'stop', clockId: 'fr', reason, cancel: true },
      { do: 'stop', clockId: 'res', reason, cancel: true },
      { do: 'stop', clockId: 'upd', reason, cancel: true },
      { do: 'start', party: 'internal', kind: 'first_response', target: on(120), running: true, reason },
      { do: 'start', party: 'internal', kind: 'resolution', target: on(960), running: true, reason },
    ]);
  });

  it('to the party being waited on ends that wait, and the old owner is now waited on', () => {
    // The ticket waits on the provider; the provider hands it to the internal team.
    const event: TicketEvent = { type: 'owner_changed', from: 'internal', to: 'provider' };
    const open = [
      clock('ires', 'internal', 'resolution', 'paused'),
      clock('pir', 'provider', 'info_request_response'),
    ];
    const plan = planClocks(ticket('waiting_on_internal', 'provider'), event, open, p2);
    expect(plan).toMatchObject([
      { do: 'stop', clockId: 'ires', cancel: true },
      { do: 'stop', clockId: 'pir', cancel: true },
      { do: 'start', party: 'provider', kind: 'first_response', running: false },
      { do: 'start', party: 'provider', kind: 'resolution', running: false },
      { do: 'start', party: 'internal', kind: 'info_request_response', running: true },
    ]);
  });
});

describe('obligations', () => {
  it('start and stop the party clock of their kind', () => {
    const opened: TicketEvent = {
      type: 'obligation_opened',
      party: 'internal',
      kind: 'incident_join',
      reason: 'escalated to internal infrastructure',
    };
    expect(planClocks(ticket('in_progress'), opened, [], p2)).toEqual([
      {
        do: 'start',
        party: 'internal',
        kind: 'incident_join',
        target: on(30, '24/7'),
        running: true,
        reason: 'escalated to internal infrastructure',
      },
    ]);
    expect(planClocks(ticket('in_progress'), opened, [clock('ij', 'internal', 'incident_join')], p2)).toEqual(
      [],
    );
    const closed: TicketEvent = {
      type: 'obligation_closed',
      party: 'internal',
      kind: 'incident_join',
      reason: 'Dana joined',
    };
    expect(planClocks(ticket('in_progress'), closed, [clock('ij', 'internal', 'incident_join')], p2)).toEqual(
      [{ do: 'stop', clockId: 'ij', reason: 'Dana joined' }],
    );
    expect(planClocks(ticket('in_progress'), { ...closed, cancel: true }, [], p2)).toEqual([]);
  });
});
