// Choose the annotations to emit: GitHub shows about 10 per level per step, so the most severe go first and the rest are counted.
import { activeFindings, compareFindings, levelRank } from '../report/finding.js';
import type { Finding } from '../report/finding.js';

/** GitHub's display limit of annotations per level ("error", "warning", "notice") in one step. */
export const ANNOTATIONS_PER_LEVEL = 10;

/** The findings to annotate, most severe first, and how many were left out. */
export interface AnnotationPlan {
  readonly shown: readonly Finding[];
  readonly hidden: number;
}

/** Pick at most ANNOTATIONS_PER_LEVEL unsuppressed, located findings of each level, errors first. */
export function planAnnotations(findings: readonly Finding[]): AnnotationPlan {
  const candidates = activeFindings(findings)
    .filter((finding) => finding.location !== undefined)
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || compareFindings(a, b));
  const perLevel = new Map<string, number>();
  const shown = candidates.filter((finding) => {
    const count = (perLevel.get(finding.level) ?? 0) + 1;
    perLevel.set(finding.level, count);
    return count <= ANNOTATIONS_PER_LEVEL;
  });
  return { shown, hidden: activeFindings(findings).length - shown.length };
}
