// The shell's navigation: what each section is called and what it will hold.
import type { IconName } from './components/Icon.js';

export type SectionId = 'home' | 'tasks' | 'notes' | 'events' | 'analysis' | 'trash';

export interface Section {
  id: SectionId;
  label: string;
  icon: IconName;
  /** Empty-state headline while the section is not built. */
  headline: string;
  /** One line about what the section will do. */
  promise: string;
}

export const SECTIONS: readonly Section[] = [
  { id: 'home', label: 'Home', icon: 'home', headline: '', promise: '' },
  {
    id: 'tasks',
    label: 'Tasks',
    icon: 'tasks',
    headline: 'Tasks arrive in the next version of Enclave',
    promise: 'Keep track of what you need to do.',
  },
  {
    id: 'notes',
    label: 'Notes',
    icon: 'notes',
    headline: 'Notes arrive in the next version of Enclave',
    promise: 'Write things down and find them again.',
  },
  {
    id: 'events',
    label: 'Events',
    icon: 'events',
    headline: 'Events arrive in the next version of Enclave',
    promise: 'See what is coming up and keep a record of what happened.',
  },
  {
    id: 'analysis',
    label: 'Analysis',
    icon: 'analysis',
    headline: 'Analysis arrives in the next version of Enclave',
    promise: 'Import tables and explore them with queries, right on this computer.',
  },
  { id: 'trash', label: 'Trash', icon: 'trash', headline: '', promise: '' },
];
