import { fieldCodec, ID_PATTERN, integerField, patternField } from '../../lib/url-codec.ts'
import { merge, type ViewCodec } from '../../lib/view-link.ts'

/** Lesson id and 1-based step; '' and 1 on the lesson list. */
export interface LessonsState {
  lesson: string
  step: number
}

const fields = fieldCodec<LessonsState>({
  lesson: patternField('lesson', ID_PATTERN),
  step: integerField('step', 1, 99, 1),
})

/** `?view=lessons&lesson=exec-it&step=3`; the list is `?view=lessons`. */
export const lessonsUrl: ViewCodec<'lessons', LessonsState> = {
  view: 'lessons',
  ...fields,
  // The list has no step.
  format: (state) => fields.format(state.lesson ? state : { ...state, step: 1 }),
  open: merge,
}
