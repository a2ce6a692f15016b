import { type Actor, TASK_POSITION_STEP, type Task, TaskSchema } from '@shared/domain'
import type { WorkstationDatabase } from '../database'
import { createCaseRecordRepository } from './case-records'

/** The investigation checklist of a case: add at the end, tick off, move up or down. All audited. */
export function createTaskRepository(db: WorkstationDatabase, now: () => string) {
  const records = createCaseRecordRepository(db, {
    table: db.tasks,
    entity: 'task',
    schema: TaskSchema,
    orderedBy: 'position',
    describe: (task) => `task "${task.title}"`,
    now,
  })
  return {
    ...records,

    async add(caseId: string, title: string, actor: Actor): Promise<Task> {
      const existing = await records.listForCase(caseId)
      const last = existing.at(-1)?.position ?? 0
      return records.add(
        {
          id: crypto.randomUUID(),
          caseId,
          title,
          position: last + TASK_POSITION_STEP,
          done: false,
          doneAt: null,
          doneBy: null,
          dueAt: null,
          createdAt: now(),
        },
        actor,
      )
    },

    /** Ticks a task off (who and when are kept) or reopens it. */
    setDone: (id: string, done: boolean, actor: Actor) =>
      records.update(id, { done, doneAt: done ? now() : null, doneBy: done ? actor : null }, actor),

    /** Swaps a task with its neighbour above or below; both moves are audited in one transaction. */
    move(id: string, direction: 'up' | 'down', actor: Actor): Promise<void> {
      return db.transaction('rw', [db.tasks, db.auditEntries], async () => {
        const task = await db.tasks.get(id)
        if (!task) return
        const checklist = await records.listForCase(task.caseId)
        const index = checklist.findIndex((candidate) => candidate.id === id)
        const neighbour = checklist[direction === 'up' ? index - 1 : index + 1]
        if (!neighbour) return
        await records.update(task.id, { position: neighbour.position }, actor)
        await records.update(neighbour.id, { position: task.position }, actor)
      })
    },
  }
}
