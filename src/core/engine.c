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
  /* Timer entries whose timer was stopped or restarted since they were
   * pushed; they are skipped when popped and purged when they dominate. */
  gsize               stale;
  gboolean            dispatching;
  CordEngineTraceFunc trace;
  gpointer            trace_data;
};

/* Below this many stale entries compaction is not worth a pass. */
#define COMPACT_MIN_STALE 64

static inline gboolean
event_before (const Event *x,
              const Event *y)
{
  return x->time < y->time || (x->time == y->time && x->seq < y->seq);
}

static gboolean
event_is_stale (const Event *e)
{
  g_assert (e != NULL);

  return e->fn == NULL && ((const CordTimer *) e->a)->seq != e->seq;
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
      engine->heap[i] = engine->heap[parent];
      i = parent;
    }
  engine->heap[i] = e;
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
      engine->heap[i] = engine->heap[child];
      i = child;
    }
  engine->heap[i] = e;
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

static void
pop_top (CordEngine *engine)
{
  g_assert (engine != NULL && engine->len > 0);

  engine->len--;
  if (engine->len > 0)
    {
      engine->heap[0] = engine->heap[engine->len];
      sift_down (engine, 0);
    }
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
      engine->heap[j++] = engine->heap[i];
  removed = engine->len - j;
  engine->len = j;
  if (removed > 0)
    heapify (engine);
  return removed;
}

static gboolean
drop_stale (const Event  *e,
            gconstpointer data G_GNUC_UNUSED)
{
  g_assert (e != NULL);

  return event_is_stale (e);
}

/* Restarting a timer faster than it expires (a hold timer reset by every
 * packet) would otherwise grow the heap without bound. Purging once stale
 * entries are half the heap keeps stop and restart O(1) amortised. */
static void
note_stale (CordEngine *engine)
{
  g_assert (engine != NULL);

  engine->stale++;
  if (engine->stale >= COMPACT_MIN_STALE && engine->stale > engine->len / 2)
    {
      filter (engine, drop_stale, NULL);
      engine->stale = 0;
    }
}

static void
forget_stale (CordEngine *engine)
{
  g_assert (engine != NULL);

  /* Guarded: a timer re-initialised while running leaves an entry that
   * was never counted. */
  if (engine->stale > 0)
    engine->stale--;
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

          if (timer->seq != e.seq)
            {
              forget_stale (engine);
              continue;
            }
          /* Stopped before it runs, so the callback may restart it. */
          timer->seq = 0;
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

/* Live events only: stopped timers' leftovers do not count. */
gsize
cord_engine_pending (CordEngine *engine)
{
  g_return_val_if_fail (engine != NULL, 0);

  return engine->len >= engine->stale ? engine->len - engine->stale : 0;
}

/* The time of the next live event, so a caller pacing against the wall
 * clock can skip idle stretches. */
gboolean
cord_engine_next_time (CordEngine *engine,
                       guint64    *time_ns)
{
  g_return_val_if_fail (engine != NULL, FALSE);

  while (engine->len > 0 && event_is_stale (&engine->heap[0]))
    {
      pop_top (engine);
      forget_stale (engine);
    }
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
  timer->seq = 0;
  timer->expires = 0;
}

void
cord_timer_start_at (CordEngine *engine,
                     CordTimer  *timer,
                     guint64     time_ns)
{
  gboolean was_running;

  g_return_if_fail (engine != NULL);
  g_return_if_fail (timer != NULL);
  g_return_if_fail (timer->fn != NULL);

  was_running = timer->seq != 0;
  timer->seq = push (engine, time_ns, NULL, timer, NULL);
  timer->expires = MAX (time_ns, engine->now);
  /* Counted after the new entry is live, so a purge keeps it. */
  if (was_running)
    note_stale (engine);
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

void
cord_timer_stop (CordEngine *engine,
                 CordTimer  *timer)
{
  g_return_if_fail (engine != NULL);
  g_return_if_fail (timer != NULL);

  if (timer->seq == 0)
    return;
  timer->seq = 0;
  note_stale (engine);
}

static gboolean
drop_timer (const Event  *e,
            gconstpointer data)
{
  g_assert (e != NULL);

  return e->fn == NULL && e->a == data;
}

/* Stops @timer and removes every heap entry that points at it, so the
 * memory holding it may be freed. O(n); meant for teardown. */
void
cord_timer_clear (CordEngine *engine,
                  CordTimer  *timer)
{
  gsize removed;

  g_return_if_fail (engine != NULL);
  g_return_if_fail (timer != NULL);

  if (timer->seq != 0)
    {
      timer->seq = 0;
      engine->stale++;
    }
  removed = filter (engine, drop_timer, timer);
  engine->stale -= MIN (removed, engine->stale);
}

gboolean
cord_timer_is_running (const CordTimer *timer)
{
  g_return_val_if_fail (timer != NULL, FALSE);

  return timer->seq != 0;
}

/* Meaningful only while the timer runs. */
guint64
cord_timer_expires (const CordTimer *timer)
{
  g_return_val_if_fail (timer != NULL, 0);

  return timer->expires;
}
