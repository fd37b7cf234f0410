// Typed calls of the working-calendar API used by the calendar screen.
import { api, type Wire } from '../../api/client.js';
import type {
  CalendarOverrideInput,
  calendarOverrideDeletedSchema,
  calendarOverrideSchema,
  calendarOverridesSchema,
  calendarYearSchema,
} from '../../../shared/calendar.js';

export const workCalendarApi = {
  year: (year: number) => api<Wire<typeof calendarYearSchema>>(`/api/calendar/years/${year}`),
  overrides: (year: number) => api<Wire<typeof calendarOverridesSchema>>(`/api/calendar/overrides?year=${year}`),
  add: (body: CalendarOverrideInput) => api<Wire<typeof calendarOverrideSchema>>('/api/calendar/overrides', { method: 'POST', body }),
  remove: (date: string) => api<Wire<typeof calendarOverrideDeletedSchema>>(`/api/calendar/overrides/${date}`, { method: 'DELETE' }),
};
