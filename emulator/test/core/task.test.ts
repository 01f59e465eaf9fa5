import { createTaskModule } from '../../src/modules/task';
import { Execution } from '../../src/runners/execution';
import { runScheduled } from '../../src/runners/scheduled';
import { Scheduler } from '../../src/runners/scheduler';
import { fixtureAccount, mapReduce, scheduled } from './helpers';

function setup() {
  const account = fixtureAccount();
  const runner = scheduled(account, 'customscript_runner', '/SuiteScripts/Probe/SC_ProbeGlobals.js');
  scheduled(account, 'customscript_target', '/SuiteScripts/Probe/SC_ProbeGlobals.js', {
    deployments: [
      { deploymentId: 'customdeploy_target_sched', status: 'SCHEDULED' },
      { deploymentId: 'customdeploy_target_off', status: 'NOTSCHEDULED', isDeployed: false },
      { deploymentId: 'customdeploy_target_a', status: 'NOTSCHEDULED' },
      { deploymentId: 'customdeploy_target_b', status: 'NOTSCHEDULED' },
    ],
  });
  mapReduce(account, 'customscript_mr_words', '/SuiteScripts/MR/MR_Words.js');
  const exec = new Execution({ account, script: runner, deployment: runner.deployments[0], limit: 10_000 });
  // the running execution is a PROCESSING task, as under a runner
  account.tasks.add({
    taskType: 'SCHEDULED_SCRIPT',
    scriptId: 'customscript_runner',
    deploymentId: 'customdeploy_runner',
    params: {},
    status: 'PROCESSING',
    submittedAt: account.now(),
  });
  const task = createTaskModule(exec) as unknown as {
    create(o: Record<string, unknown>): { submit(): string; deploymentId?: string };
    checkStatus(o: { taskId: string }): { status: string; deploymentId: string; stage?: unknown };
    TaskType: Record<string, string>;
  };
  return { account, exec, task };
}

const submit = (task: ReturnType<typeof setup>['task'], o: Record<string, unknown>) =>
  task.create({ taskType: task.TaskType.SCHEDULED_SCRIPT, ...o }).submit();

describe('N/task', () => {
  // @governance of ScheduledScriptTask.submit / MapReduceScriptTask.submit: 20 units; task.create 0.
  test('submit costs 20 units and queues a PENDING task; checkStatus reports it', () => {
    const { task, exec, account } = setup();
    const id = submit(task, {
      scriptId: 'customscript_target',
      deploymentId: 'customdeploy_target_a',
      params: { custscript_x: true },
    });
    expect(id).toMatch(/^SCHEDSCRIPT_/);
    expect(exec.meter.total()).toBe(20);
    expect(task.checkStatus({ taskId: id })).toMatchObject({
      status: 'PENDING',
      deploymentId: 'customdeploy_target_a',
    });
    expect(account.tasks.get(id)?.params).toEqual({ custscript_x: 'T' });
  });

  // NetSuite help "ScheduledScriptTask.submit()": Not Scheduled is queued now; Scheduled is "placed into the queue
  // according to the time(s) specified on the Script Deployment page"; Testing is "not placed into the scheduling
  // queue". Help "Submitting an On-Demand Map/Reduce Script Deployment from the UI": Deployed must be checked,
  // "regardless of the Status".
  test('submit follows the deployment status: NOTSCHEDULED queued, SCHEDULED held for its schedule, TESTING never runs', () => {
    const { task, account } = setup();
    expect(() =>
      submit(task, { scriptId: 'customscript_target', deploymentId: 'customdeploy_target_off' }),
    ).toThrow(expect.objectContaining({ name: 'FAILED_TO_SUBMIT_JOB_REQUEST_1' }));
    expect(() =>
      submit(task, { scriptId: 'customscript_target', deploymentId: 'customdeploy_nope' }),
    ).toThrow(expect.objectContaining({ name: 'INVALID_SCRIPT_DEPLOYMENT_ID_1' }));
    const held = submit(task, { scriptId: 'customscript_target', deploymentId: 'customdeploy_target_sched' });
    expect(task.checkStatus({ taskId: held }).status).toBe('PENDING');
    expect(account.tasks.nextPending()?.taskId).not.toBe(held); // waits for the schedule
    account.registerScript({
      scriptId: 'customscript_tested',
      kind: 'SCHEDULED',
      scriptFile: '/SuiteScripts/Probe/SC_ProbeGlobals.js',
      deployments: [{ deploymentId: 'customdeploy_tested', status: 'TESTING' }],
    });
    const never = submit(task, { scriptId: 'customscript_tested', deploymentId: 'customdeploy_tested' });
    expect(account.tasks.get(never)?.neverRuns).toBe(true);
    // a second submit of a TESTING deployment is not blocked by the one that never runs
    expect(submit(task, { scriptId: 'customscript_tested', deploymentId: 'customdeploy_tested' })).toMatch(
      /^SCHEDSCRIPT_/,
    );
  });

  // Help "MapReduceScriptTask.submit()" / "Submitting an On-Demand Map/Reduce Script Deployment from a Script":
  // the Status must be Not Scheduled; a map/reduce script resubmitting itself gets no task id.
  test('a map/reduce deployment must be NOTSCHEDULED', () => {
    const { task, account } = setup();
    account.registerScript({
      scriptId: 'customscript_mr_sched',
      kind: 'MAPREDUCE',
      scriptFile: '/SuiteScripts/MR/MR_Words.js',
      deployments: [{ deploymentId: 'customdeploy_mr_sched', status: 'SCHEDULED' }],
    });
    expect(() =>
      task
        .create({
          taskType: task.TaskType.MAP_REDUCE,
          scriptId: 'customscript_mr_sched',
          deploymentId: 'customdeploy_mr_sched',
        })
        .submit(),
    ).toThrow(expect.objectContaining({ name: 'FAILED_TO_SUBMIT_JOB_REQUEST_1' }));
  });

  // "A scheduled script can be submitted for processing only if there is no unfinished scheduled script task for
  // the same script ID and script deployment ID" (ScheduledScriptTask.submit()); map/reduce: MAP_REDUCE_ALREADY_RUNNING
  // (help "Submitting Multiple Deployments of the Same Script").
  test('a deployment already queued cannot be submitted again; without a deploymentId the first free one is taken', () => {
    const { task } = setup();
    submit(task, { scriptId: 'customscript_target', deploymentId: 'customdeploy_target_a' });
    expect(() =>
      submit(task, { scriptId: 'customscript_target', deploymentId: 'customdeploy_target_a' }),
    ).toThrow(expect.objectContaining({ name: 'FAILED_TO_SUBMIT_JOB_REQUEST_1' }));
    const free = submit(task, { scriptId: 'customscript_target' });
    expect(task.checkStatus({ taskId: free }).deploymentId).toBe('customdeploy_target_b');
    expect(() => submit(task, { scriptId: 'customscript_target' })).toThrow(
      expect.objectContaining({ name: 'NO_DEPLOYMENTS_AVAILABLE' }),
    );
    const mr = task
      .create({ taskType: task.TaskType.MAP_REDUCE, scriptId: 'customscript_mr_words' })
      .submit();
    expect(mr).toMatch(/^MAPREDUCETASK_/);
    expect(() =>
      task
        .create({
          taskType: task.TaskType.MAP_REDUCE,
          scriptId: 'customscript_mr_words',
          deploymentId: 'customdeploy_mr_words',
        })
        .submit(),
    ).toThrow(expect.objectContaining({ name: 'MAP_REDUCE_ALREADY_RUNNING' }));
  });

  test('a running script may resubmit its own deployment once (it runs after the current execution)', () => {
    const { task } = setup();
    const id = submit(task, { scriptId: 'customscript_runner', deploymentId: 'customdeploy_runner' });
    expect(task.checkStatus({ taskId: id }).status).toBe('PENDING');
    expect(() =>
      submit(task, { scriptId: 'customscript_runner', deploymentId: 'customdeploy_runner' }),
    ).toThrow(expect.objectContaining({ name: 'FAILED_TO_SUBMIT_JOB_REQUEST_1' }));
  });

  test('the task type must match the script type', () => {
    const { task } = setup();
    expect(() =>
      task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId: 'customscript_target' }).submit(),
    ).toThrow(expect.objectContaining({ name: 'INVALID_TASK_TYPE' }));
    expect(() => task.create({ taskType: 'WORKFLOW_TRIGGER' })).toThrow(
      expect.objectContaining({ name: 'SSS_NOT_YET_SUPPORTED' }),
    );
  });

  test('after the run, checkStatus says COMPLETE', () => {
    const { account } = setup();
    const r = runScheduled(account, {
      scriptId: 'customscript_target',
      deploymentId: 'customdeploy_target_a',
    });
    expect(account.tasks.get(r.taskId as string)?.status).toBe('COMPLETE');
  });
});

describe('scheduled deployments submitted', () => {
  test('a SCHEDULED deployment submitted runs at the next schedule tick, once', () => {
    const account = fixtureAccount();
    scheduled(account, 'customscript_target', '/SuiteScripts/Probe/SC_ProbeGlobals.js', {
      deployments: [{ deploymentId: 'customdeploy_target_sched', status: 'SCHEDULED' }],
    });
    const s = new Scheduler(account);
    const held = s.submit('customscript_target', 'customdeploy_target_sched');
    expect(s.run()).toHaveLength(0);
    const queued = s.queueScheduledDeployments();
    expect(queued.map((t) => t.taskId)).toEqual([held.taskId]);
    const results = s.run();
    expect(results).toHaveLength(1);
    expect(account.tasks.get(held.taskId)?.status).toBe('COMPLETE');
  });
});
