// The shell's navigation: what each section is called and its icon.
import type { IconName } from './components/Icon.js';

export type SectionId = 'home' | 'tasks' | 'notes' | 'events' | 'analysis' | 'trash';

export interface Section {
  id: SectionId;
  label: string;
  icon: IconName;
}

export const SECTIONS: readonly Section[] = [
  { id: 'home', label: 'Home', icon: 'home' },
  { id: 'tasks', label: 'Tasks', icon: 'tasks' },
  { id: 'notes', label: 'Notes', icon: 'notes' },
  { id: 'events', label: 'Events', icon: 'events' },
  { id: 'analysis', label: 'Analysis', icon: 'analysis' },
  { id: 'trash', label: 'Trash', icon: 'trash' },
];
