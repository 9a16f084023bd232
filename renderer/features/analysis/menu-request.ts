// Its own file so that AnalysisView (the lazy chunk) and AnalysisSection (which loads it)
// do not import each other.
import type { MenuCommand } from '../../bridge/useMenuCommand.js';

/** A menu command for the Analysis section; `serial` grows with each one. */
export interface MenuRequest {
  command: MenuCommand;
  serial: number;
}
