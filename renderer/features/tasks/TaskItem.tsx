// One row of the task list: status toggle, title, tags, priority, due. In manual
// order it can be dragged, or moved with Alt+↑/↓.
import type { DragEvent, KeyboardEvent } from 'react';
import type { Task } from '../../../shared/tasks/tasks.js';
import { Icon } from '../../components/Icon.js';
import { dueLabel, PRIORITY_LABELS, STATUS_LABELS } from './task-format.js';
import styles from './TaskItem.module.css';

interface TaskItemProps {
  task: Task;
  draggable: boolean;
  /** Where a drag over this row would drop the dragged task. */
  dropSide: 'above' | 'below' | null;
  onToggle: (task: Task) => void;
  onEdit: (task: Task) => void;
  onMove: (task: Task, direction: -1 | 1) => void;
  onDragStart: (task: Task) => void;
  onDragOver: (task: Task, side: 'above' | 'below') => void;
  onDrop: () => void;
  onDragEnd: () => void;
}

export function TaskItem(props: TaskItemProps) {
  const { task, draggable, dropSide, onToggle, onEdit, onMove } = props;
  const due = dueLabel(task);
  const done = task.status === 'done';
  const next = done ? 'To do' : 'Done';

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      if (draggable) onMove(task, event.key === 'ArrowUp' ? -1 : 1);
    }
  };

  const side = (event: DragEvent<HTMLLIElement>): 'above' | 'below' => {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientY < box.top + box.height / 2 ? 'above' : 'below';
  };

  return (
    <li
      className={`${styles.row} ${done ? styles.done : ''} ${dropSide ? styles[dropSide] : ''}`}
      draggable={draggable}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', task.title);
        props.onDragStart(task);
      }}
      onDragOver={(event) => {
        if (!draggable) return;
        event.preventDefault();
        props.onDragOver(task, side(event));
      }}
      onDrop={(event) => {
        event.preventDefault();
        props.onDrop();
      }}
      onDragEnd={props.onDragEnd}
      data-testid="task-row"
      data-task-id={task.id}
      data-status={task.status}
    >
      {draggable && (
        <span className={styles.grip} aria-hidden="true" title="Drag to reorder (or Alt+↑/↓)" data-testid="task-grip">
          <Icon name="grip" size={14} />
        </span>
      )}
      <button
        type="button"
        className={`${styles.toggle} ${styles[task.status] ?? ""}`}
        onClick={() => onToggle(task)}
        aria-label={`${STATUS_LABELS[task.status]}: mark “${task.title}” as ${next.toLowerCase()}`}
        title={`Mark as ${next.toLowerCase()}`}
        data-testid="task-toggle"
      >
        {done && <Icon name="check" size={12} />}
      </button>
      <button
        type="button"
        className={styles.main}
        onClick={() => onEdit(task)}
        onKeyDown={onKeyDown}
        aria-keyshortcuts={draggable ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
        data-testid="task-open"
      >
        <span className={styles.title} data-testid="task-title">
          {task.title}
        </span>
        {task.details && <span className={styles.details}>{task.details.split('\n')[0]}</span>}
      </button>
      <span className={styles.meta}>
        {task.status === 'doing' && <span className={styles.doing}>In progress</span>}
        {task.tags.map((tag) => (
          <span key={tag} className={styles.tag}>
            #{tag}
          </span>
        ))}
        {task.priority !== 'none' && (
          <span className={`${styles.priority} ${styles[`p_${task.priority}`]}`} title={`${PRIORITY_LABELS[task.priority]} priority`}>
            <Icon name="flag" size={12} />
            {PRIORITY_LABELS[task.priority]}
          </span>
        )}
        {due && (
          <span className={`${styles.due} ${styles[due.tone]}`} data-testid="task-due">
            <Icon name="events" size={12} />
            {due.text}
          </span>
        )}
      </span>
    </li>
  );
}
