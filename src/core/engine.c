/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The discrete-event scheduler: a min-heap of callbacks on virtual nanoseconds. */
#include "engine.h"

/* Events live by value in one array, so once the array has grown to the
 * busiest moment of a run, scheduling allocates nothing. */
typedef struct {
  guint64        time;
  guint64        seq;     /* ties on time run in scheduling order */
  CordEngineFunc fn;      /* NULL marks a timer entry; a is the CordTimer */
  gpointer       a;
  gpointer       b;
} Event;

struct _CordEngine {
  Event              *heap;
  gsize               len;
  gsize               cap;
  guint64             now;
  guint64             last_seq;
  guint64             events_run;
  gboolean            dispatching;
  CordEngineTraceFunc trace;
  gpointer            trace_data;
};

static inline gboolean
event_before (const Event *x,
              const Event *y)
{
  return x->time < y->time || (x->time == y->time && x->seq < y->seq);
}

/* Puts @e at heap position @i; a timer learns where its entry is, so that
 * stopping it is a removal in O(log n) rather than a search. */
static inline void
place (CordEngine  *engine,
       gsize        i,
       const Event *e)
{
  engine->heap[i] = *e;
  if (e->fn == NULL)
    ((CordTimer *) e->a)->slot = i + 1;
}

static void
sift_up (CordEngine *engine,
         gsize       i)
{
  Event e;

  g_assert (engine != NULL && i < engine->len);

  e = engine->heap[i];
  while (i > 0)
    {
      gsize parent = (i - 1) / 2;

      if (!event_before (&e, &engine->heap[parent]))
        break;
      place (engine, i, &engine->heap[parent]);
      i = parent;
    }
  place (engine, i, &e);
}

static void
sift_down (CordEngine *engine,
           gsize       i)
{
  Event e;
  gsize n;

  g_assert (engine != NULL && i < engine->len);

  n = engine->len;
  e = engine->heap[i];
  for (;;)
    {
      gsize child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n && event_before (&engine->heap[child + 1], &engine->heap[child]))
        child++;
      if (!event_before (&engine->heap[child], &e))
        break;
      place (engine, i, &engine->heap[child]);
      i = child;
    }
  place (engine, i, &e);
}

static void
heapify (CordEngine *engine)
{
  g_assert (engine != NULL);

  for (gsize i = engine->len / 2; i-- > 0;)
    sift_down (engine, i);
}

static guint64
push (CordEngine    *engine,
      guint64        time_ns,
      CordEngineFunc fn,
      gpointer       a,
      gpointer       b)
{
  Event *e;

  g_assert (engine != NULL);

  if (engine->len == engine->cap)
    {
      engine->cap = engine->cap > 0 ? engine->cap * 2 : 256;
      engine->heap = g_renew (Event, engine->heap, engine->cap);
    }
  e = &engine->heap[engine->len++];
  /* Time never goes backwards: the past means "now". */
  e->time = MAX (time_ns, engine->now);
  e->seq = ++engine->last_seq;
  e->fn = fn;
  e->a = a;
  e->b = b;
  sift_up (engine, engine->len - 1);
  return engine->last_seq;
}

/* Removes the entry at @i and restores the heap order. */
static void
remove_at (CordEngine *engine,
           gsize       i)
{
  Event last;

  g_assert (engine != NULL && i < engine->len);

  if (engine->heap[i].fn == NULL)
    ((CordTimer *) engine->heap[i].a)->slot = 0;
  engine->len--;
  if (i == engine->len)
    return;
  last = engine->heap[engine->len];
  place (engine, i, &last);
  if (i > 0 && event_before (&last, &engine->heap[(i - 1) / 2]))
    sift_up (engine, i);
  else
    sift_down (engine, i);
}

static void
pop_top (CordEngine *engine)
{
  remove_at (engine, 0);
}

/* Removes the entries @drop picks and restores the heap order: O(n). */
static gsize
filter (CordEngine *engine,
        gboolean  (*drop) (const Event *e, gconstpointer data),
        gconstpointer data)
{
  gsize j = 0;
  gsize removed;

  g_assert (engine != NULL && drop != NULL);

  for (gsize i = 0; i < engine->len; i++)
    if (!drop (&engine->heap[i], data))
      {
        Event e = engine->heap[i];

        place (engine, j++, &e);
      }
  removed = engine->len - j;
  engine->len = j;
  if (removed > 0)
    heapify (engine);
  return removed;
}

/* Runs the earliest live event if its time is at most @limit. */
static gboolean
dispatch_one (CordEngine *engine,
              guint64     limit)
{
  g_assert (engine != NULL);

  while (engine->len > 0)
    {
      Event e = engine->heap[0];
      CordEngineFunc fn;
      gpointer a, b;

      if (e.time > limit)
        return FALSE;
      pop_top (engine);

      if (e.fn == NULL)
        {
          CordTimer *timer = e.a;

          /* pop_top marked it stopped, so the callback may restart it. */
          fn = timer->fn;
          a = timer->a;
          b = timer;
        }
      else
        {
          fn = e.fn;
          a = e.a;
          b = e.b;
        }

      engine->now = e.time;
      engine->events_run++;
      engine->dispatching = TRUE;
      if (engine->trace != NULL)
        engine->trace (engine, e.time, fn, a, b, engine->trace_data);
      fn (engine, a, b);
      engine->dispatching = FALSE;
      return TRUE;
    }
  return FALSE;
}

static guint64
add_saturating (guint64 x,
                guint64 y)
{
  return y > G_MAXUINT64 - x ? G_MAXUINT64 : x + y;
}

CordEngine *
cord_engine_new (void)
{
  return g_new0 (CordEngine, 1);
}

/* Pending events own nothing, so they are simply dropped. */
void
cord_engine_free (CordEngine *engine)
{
  if (engine == NULL)
    return;
  g_return_if_fail (!engine->dispatching);

  g_free (engine->heap);
  g_free (engine);
}

guint64
cord_engine_now (CordEngine *engine)
{
  g_return_val_if_fail (engine != NULL, 0);

  return engine->now;
}

void
cord_engine_schedule (CordEngine    *engine,
                      guint64        delay_ns,
                      CordEngineFunc fn,
                      gpointer       a,
                      gpointer       b)
{
  g_return_if_fail (engine != NULL);
  g_return_if_fail (fn != NULL);

  push (engine, add_saturating (engine->now, delay_ns), fn, a, b);
}

void
cord_engine_schedule_at (CordEngine    *engine,
                         guint64        time_ns,
                         CordEngineFunc fn,
                         gpointer       a,
                         gpointer       b)
{
  g_return_if_fail (engine != NULL);
  g_return_if_fail (fn != NULL);

  push (engine, time_ns, fn, a, b);
}

static gboolean
drop_data (const Event  *e,
           gconstpointer data)
{
  g_assert (e != NULL);

  return e->fn != NULL && (e->a == data || e->b == data);
}

/* Removes every pending plain event whose @a or @b is @data, for when the
 * object they point at goes away (a device deleted while frames are in
 * flight to it). Its timers need cord_timer_clear(). O(n). */
guint
cord_engine_cancel_data (CordEngine   *engine,
                         gconstpointer data)
{
  g_return_val_if_fail (engine != NULL, 0);
  g_return_val_if_fail (data != NULL, 0);

  return (guint) filter (engine, drop_data, data);
}

gboolean
cord_engine_step (CordEngine *engine)
{
  g_return_val_if_fail (engine != NULL, FALSE);
  g_return_val_if_fail (!engine->dispatching, FALSE);

  return dispatch_one (engine, G_MAXUINT64);
}

/* Runs events back to back until the queue is empty or @max_events have
 * run; returns how many ran. */
guint64
cord_engine_run (CordEngine *engine,
                 guint64     max_events)
{
  guint64 n = 0;

  g_return_val_if_fail (engine != NULL, 0);
  g_return_val_if_fail (!engine->dispatching, 0);

  while (n < max_events && dispatch_one (engine, G_MAXUINT64))
    n++;
  return n;
}

/* Runs every event due at or before @time_ns, including those the events
 * themselves schedule in that window, then moves the clock to @time_ns.
 * A target in the past runs nothing and leaves the clock alone. */
guint64
cord_engine_run_until (CordEngine *engine,
                       guint64     time_ns)
{
  guint64 n = 0;

  g_return_val_if_fail (engine != NULL, 0);
  g_return_val_if_fail (!engine->dispatching, 0);

  while (dispatch_one (engine, time_ns))
    n++;
  if (time_ns > engine->now)
    engine->now = time_ns;
  return n;
}

guint64
cord_engine_run_for (CordEngine *engine,
                     guint64     duration_ns)
{
  g_return_val_if_fail (engine != NULL, 0);
  g_return_val_if_fail (!engine->dispatching, 0);

  return cord_engine_run_until (engine, add_saturating (engine->now, duration_ns));
}

gsize
cord_engine_pending (CordEngine *engine)
{
  g_return_val_if_fail (engine != NULL, 0);

  return engine->len;
}

/* The time of the next live event, so a caller pacing against the wall
 * clock can skip idle stretches. */
gboolean
cord_engine_next_time (CordEngine *engine,
                       guint64    *time_ns)
{
  g_return_val_if_fail (engine != NULL, FALSE);

  if (engine->len == 0)
    return FALSE;
  if (time_ns != NULL)
    *time_ns = engine->heap[0].time;
  return TRUE;
}

guint64
cord_engine_events_run (CordEngine *engine)
{
  g_return_val_if_fail (engine != NULL, 0);

  return engine->events_run;
}

void
cord_engine_set_trace (CordEngine         *engine,
                       CordEngineTraceFunc fn,
                       gpointer            user_data)
{
  g_return_if_fail (engine != NULL);

  engine->trace = fn;
  engine->trace_data = user_data;
}

/* Only on a stopped timer: a running one's entry would be orphaned. */
void
cord_timer_init (CordTimer     *timer,
                 CordEngineFunc fn,
                 gpointer       a)
{
  g_return_if_fail (timer != NULL);
  g_return_if_fail (fn != NULL);

  timer->fn = fn;
  timer->a = a;
  timer->slot = 0;
  timer->expires = 0;
}

void
cord_timer_start_at (CordEngine *engine,
                     CordTimer  *timer,
                     guint64     time_ns)
{
  g_return_if_fail (engine != NULL);
  g_return_if_fail (timer != NULL);
  g_return_if_fail (timer->fn != NULL);

  /* A restart moves the one entry the timer has; it never leaves a copy
   * behind, so a timer reset by every packet costs O(log n) and no
   * memory. */
  if (timer->slot != 0)
    remove_at (engine, timer->slot - 1);
  push (engine, time_ns, NULL, timer, NULL);
  timer->expires = MAX (time_ns, engine->now);
}

/* (Re)starts @timer; a running timer's old expiry is forgotten. */
void
cord_timer_start (CordEngine *engine,
                  CordTimer  *timer,
                  guint64     delay_ns)
{
  g_return_if_fail (engine != NULL);
  g_return_if_fail (timer != NULL);

  cord_timer_start_at (engine, timer, add_saturating (engine->now, delay_ns));
}

/* O(log n): the timer's entry leaves the heap at once. */
void
cord_timer_stop (CordEngine *engine,
                 CordTimer  *timer)
{
  g_return_if_fail (engine != NULL);
  g_return_if_fail (timer != NULL);

  if (timer->slot != 0)
    remove_at (engine, timer->slot - 1);
}

/* Stops @timer so that the memory holding it may be freed; the same as
 * cord_timer_stop now that a stopped timer leaves nothing behind. */
void
cord_timer_clear (CordEngine *engine,
                  CordTimer  *timer)
{
  g_return_if_fail (engine != NULL);
  g_return_if_fail (timer != NULL);

  cord_timer_stop (engine, timer);
}

gboolean
cord_timer_is_running (const CordTimer *timer)
{
  g_return_val_if_fail (timer != NULL, FALSE);

  return timer->slot != 0;
}

/* Meaningful only while the timer runs. */
guint64
cord_timer_expires (const CordTimer *timer)
{
  g_return_val_if_fail (timer != NULL, 0);

  return timer->expires;
}
