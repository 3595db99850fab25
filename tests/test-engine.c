/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for engine.c: ordering, timers, run semantics and the trace hook. */
#include <check.h>
#include <string.h>

#include "engine.h"

/* Each event appends (now, tag) so tests can check what ran and when. */
typedef struct {
  GArray *times;
  GArray *tags;
} Log;

static void
log_init (Log *log)
{
  log->times = g_array_new (FALSE, FALSE, sizeof (guint64));
  log->tags = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
log_clear (Log *log)
{
  g_array_unref (log->times);
  g_array_unref (log->tags);
}

static void
record (CordEngine *engine,
        gpointer    a,
        gpointer    b)
{
  Log *log = a;
  guint64 now = cord_engine_now (engine);
  guint tag = GPOINTER_TO_UINT (b);

  g_array_append_val (log->times, now);
  g_array_append_val (log->tags, tag);
}

#define TAG(log, i)  g_array_index ((log)->tags, guint, (i))
#define TIME(log, i) g_array_index ((log)->times, guint64, (i))

START_TEST (test_fifo_equal_times)
{
  g_autoptr (CordEngine) e = cord_engine_new ();
  Log log;

  log_init (&log);
  for (guint i = 0; i < 1000; i++)
    cord_engine_schedule_at (e, 500, record, &log, GUINT_TO_POINTER (i));
  /* An earlier one scheduled last still runs first. */
  cord_engine_schedule_at (e, 499, record, &log, GUINT_TO_POINTER (5000));

  ck_assert_uint_eq (cord_engine_pending (e), 1001);
  ck_assert_uint_eq (cord_engine_run (e, G_MAXUINT64), 1001);
  ck_assert_uint_eq (log.tags->len, 1001);
  ck_assert_uint_eq (TAG (&log, 0), 5000);
  ck_assert_uint_eq (TIME (&log, 0), 499);
  for (guint i = 0; i < 1000; i++)
    {
      ck_assert_uint_eq (TAG (&log, i + 1), i);
      ck_assert_uint_eq (TIME (&log, i + 1), 500);
    }
  ck_assert_uint_eq (cord_engine_now (e), 500);
  ck_assert_uint_eq (cord_engine_pending (e), 0);
  ck_assert_uint_eq (cord_engine_events_run (e), 1001);
  log_clear (&log);
}
END_TEST

START_TEST (test_random_order)
{
  g_autoptr (CordEngine) e = cord_engine_new ();
  g_autoptr (GRand) rng = g_rand_new_with_seed (20240601);
  g_autofree guint64 *when = g_new (guint64, 10000);
  Log log;

  log_init (&log);
  for (guint i = 0; i < 10000; i++)
    {
      /* A narrow range forces many ties, which must stay FIFO. */
      when[i] = (guint64) g_rand_int_range (rng, 0, 2000) * 1000;
      cord_engine_schedule_at (e, when[i], record, &log, GUINT_TO_POINTER (i));
    }
  ck_assert_uint_eq (cord_engine_run (e, G_MAXUINT64), 10000);
  ck_assert_uint_eq (log.tags->len, 10000);
  for (guint i = 0; i < 10000; i++)
    ck_assert_uint_eq (TIME (&log, i), when[TAG (&log, i)]);
  for (guint i = 1; i < 10000; i++)
    {
      guint64 t0 = TIME (&log, i - 1), t1 = TIME (&log, i);

      ck_assert_uint_le (t0, t1);
      if (t0 == t1)
        ck_assert_uint_lt (TAG (&log, i - 1), TAG (&log, i));
    }
  log_clear (&log);
}
END_TEST

/* Events interleaved with popping: a callback schedules more. */
static void
chain (CordEngine *engine,
       gpointer    a,
       gpointer    b)
{
  guint *left = a;

  record (engine, b, GUINT_TO_POINTER (*left));
  if (--(*left) > 0)
    cord_engine_schedule (engine, 10, chain, a, b);
}

START_TEST (test_chain_and_step)
{
  g_autoptr (CordEngine) e = cord_engine_new ();
  guint left = 5;
  Log log;

  log_init (&log);
  ck_assert (!cord_engine_step (e));
  cord_engine_schedule (e, 100, chain, &left, &log);
  ck_assert (cord_engine_step (e));
  ck_assert_uint_eq (cord_engine_now (e), 100);
  ck_assert_uint_eq (cord_engine_pending (e), 1);
  ck_assert_uint_eq (cord_engine_run (e, 2), 2);
  ck_assert_uint_eq (cord_engine_now (e), 120);
  ck_assert_uint_eq (cord_engine_run (e, 0), 0);
  ck_assert_uint_eq (cord_engine_run (e, G_MAXUINT64), 2);
  ck_assert_uint_eq (cord_engine_now (e), 140);
  ck_assert_uint_eq (log.tags->len, 5);
  ck_assert_uint_eq (TIME (&log, 4), 140);
  ck_assert (!cord_engine_step (e));
  log_clear (&log);
}
END_TEST

START_TEST (test_run_until)
{
  g_autoptr (CordEngine) e = cord_engine_new ();
  guint64 next = 0;
  Log log;

  log_init (&log);
  cord_engine_schedule_at (e, 100, record, &log, GUINT_TO_POINTER (1));
  cord_engine_schedule_at (e, 200, record, &log, GUINT_TO_POINTER (2));
  cord_engine_schedule_at (e, 201, record, &log, GUINT_TO_POINTER (3));

  ck_assert (cord_engine_next_time (e, &next));
  ck_assert_uint_eq (next, 100);

  /* Inclusive of the target, and the clock lands on it. */
  ck_assert_uint_eq (cord_engine_run_until (e, 200), 2);
  ck_assert_uint_eq (cord_engine_now (e), 200);
  ck_assert_uint_eq (log.tags->len, 2);
  ck_assert_uint_eq (TIME (&log, 1), 200);

  /* Nothing due: the clock still advances. */
  ck_assert_uint_eq (cord_engine_run_until (e, 200), 0);
  ck_assert_uint_eq (cord_engine_run_for (e, 0), 0);
  ck_assert_uint_eq (cord_engine_now (e), 200);

  /* A target in the past runs nothing and does not rewind. */
  ck_assert_uint_eq (cord_engine_run_until (e, 50), 0);
  ck_assert_uint_eq (cord_engine_now (e), 200);

  ck_assert_uint_eq (cord_engine_run_for (e, 1000), 1);
  ck_assert_uint_eq (cord_engine_now (e), 1200);
  ck_assert_uint_eq (TIME (&log, 2), 201);
  ck_assert (!cord_engine_next_time (e, &next));

  /* Idle time passes without events. */
  cord_engine_run_until (e, 5 * CORD_ENGINE_NS_PER_SEC);
  ck_assert_uint_eq (cord_engine_now (e), 5 * CORD_ENGINE_NS_PER_SEC);
  ck_assert_uint_eq (cord_engine_events_run (e), 3);
  log_clear (&log);
}
END_TEST

/* Events due at the target that schedule zero-delay follow-ups: those run
 * in the same call, later ones do not. */
static void
spawn (CordEngine *engine,
       gpointer    a,
       gpointer    b)
{
  record (engine, a, b);
  if (GPOINTER_TO_UINT (b) == 1)
    {
      cord_engine_schedule (engine, 0, record, a, GUINT_TO_POINTER (2));
      cord_engine_schedule (engine, 1, record, a, GUINT_TO_POINTER (3));
    }
}

START_TEST (test_run_until_follow_ups)
{
  g_autoptr (CordEngine) e = cord_engine_new ();
  Log log;

  log_init (&log);
  cord_engine_schedule_at (e, 1000, spawn, &log, GUINT_TO_POINTER (1));
  ck_assert_uint_eq (cord_engine_run_until (e, 1000), 2);
  ck_assert_uint_eq (TAG (&log, 1), 2);
  ck_assert_uint_eq (TIME (&log, 1), 1000);
  ck_assert_uint_eq (cord_engine_pending (e), 1);
  ck_assert_uint_eq (cord_engine_run_until (e, 1001), 1);
  ck_assert_uint_eq (TAG (&log, 2), 3);
  log_clear (&log);
}
END_TEST

START_TEST (test_schedule_in_past)
{
  g_autoptr (CordEngine) e = cord_engine_new ();
  Log log;

  log_init (&log);
  cord_engine_run_until (e, 1000);
  cord_engine_schedule_at (e, 10, record, &log, GUINT_TO_POINTER (1));
  cord_engine_schedule_at (e, 1000, record, &log, GUINT_TO_POINTER (2));
  /* Clamped to now, so it keeps its place in FIFO order behind tag 1. */
  ck_assert_uint_eq (cord_engine_run (e, G_MAXUINT64), 2);
  ck_assert_uint_eq (TAG (&log, 0), 1);
  ck_assert_uint_eq (TIME (&log, 0), 1000);
  ck_assert_uint_eq (TAG (&log, 1), 2);
  ck_assert_uint_eq (cord_engine_now (e), 1000);

  /* A delay that would overflow saturates instead of wrapping to the past. */
  cord_engine_schedule (e, G_MAXUINT64, record, &log, GUINT_TO_POINTER (3));
  cord_engine_schedule (e, 5, record, &log, GUINT_TO_POINTER (4));
  ck_assert_uint_eq (cord_engine_run (e, 1), 1);
  ck_assert_uint_eq (TAG (&log, 2), 4);
  ck_assert_uint_eq (cord_engine_run (e, 1), 1);
  ck_assert_uint_eq (cord_engine_now (e), G_MAXUINT64);
  log_clear (&log);
}
END_TEST

typedef struct {
  CordTimer timer;
  guint     fired;
  guint64   last;
  guint     restarts;   /* times to restart itself from the callback */
} Owner;

static void
on_timer (CordEngine *engine,
          gpointer    a,
          gpointer    b)
{
  Owner *o = a;

  ck_assert_ptr_eq (b, &o->timer);
  ck_assert (!cord_timer_is_running (&o->timer));
  o->fired++;
  o->last = cord_engine_now (engine);
  if (o->restarts > 0)
    {
      o->restarts--;
      cord_timer_start (engine, &o->timer, 50);
    }
}

START_TEST (test_timer_stop_restart)
{
  g_autoptr (CordEngine) e = cord_engine_new ();
  Owner o = { 0 };

  cord_timer_init (&o.timer, on_timer, &o);
  ck_assert (!cord_timer_is_running (&o.timer));

  cord_timer_start (e, &o.timer, 100);
  ck_assert (cord_timer_is_running (&o.timer));
  ck_assert_uint_eq (cord_timer_expires (&o.timer), 100);
  ck_assert_uint_eq (cord_engine_pending (e), 1);

  /* Stopped: its entry stays in the heap but is skipped. */
  cord_timer_stop (e, &o.timer);
  ck_assert (!cord_timer_is_running (&o.timer));
  ck_assert_uint_eq (cord_engine_pending (e), 0);
  ck_assert_uint_eq (cord_engine_run_until (e, 1000), 0);
  ck_assert_uint_eq (o.fired, 0);
  ck_assert_uint_eq (cord_engine_events_run (e), 0);

  /* Restarted twice: only the last expiry fires. */
  cord_timer_start (e, &o.timer, 100);     /* 1100 */
  cord_timer_start (e, &o.timer, 300);     /* 1300 */
  cord_timer_start (e, &o.timer, 200);     /* 1200 */
  ck_assert_uint_eq (cord_engine_pending (e), 1);
  ck_assert_uint_eq (cord_timer_expires (&o.timer), 1200);
  ck_assert_uint_eq (cord_engine_run_until (e, 2000), 1);
  ck_assert_uint_eq (o.fired, 1);
  ck_assert_uint_eq (o.last, 1200);
  ck_assert (!cord_timer_is_running (&o.timer));

  /* Stop then start again before the stale entry comes up. */
  cord_timer_start (e, &o.timer, 10);      /* 2010, stale after stop */
  cord_timer_stop (e, &o.timer);
  cord_timer_start (e, &o.timer, 20);      /* 2020 */
  ck_assert (cord_engine_next_time (e, NULL));
  ck_assert_uint_eq (cord_engine_run_until (e, 2015), 0);
  ck_assert_uint_eq (o.fired, 1);
  ck_assert_uint_eq (cord_engine_run_until (e, 2020), 1);
  ck_assert_uint_eq (o.last, 2020);

  /* A callback restarting its own timer. */
  o.restarts = 3;
  cord_timer_start (e, &o.timer, 0);
  ck_assert_uint_eq (cord_engine_run (e, G_MAXUINT64), 4);
  ck_assert_uint_eq (o.fired, 6);
  ck_assert_uint_eq (o.last, 2020 + 150);
  ck_assert_uint_eq (cord_engine_events_run (e), 6);

  /* Stopping a stopped timer is a no-op. */
  cord_timer_stop (e, &o.timer);
  ck_assert_uint_eq (cord_engine_pending (e), 0);
}
END_TEST

/* A hold timer reset by every packet must not grow the heap without
 * bound, and purging stale entries must keep live ones and their order. */
START_TEST (test_timer_many_restarts)
{
  g_autoptr (CordEngine) e = cord_engine_new ();
  Owner owners[8];
  guint64 next = 0;
  Log log;

  memset (owners, 0, sizeof owners);
  log_init (&log);
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    cord_timer_init (&owners[i].timer, on_timer, &owners[i]);
  cord_engine_schedule_at (e, 5000000, record, &log, GUINT_TO_POINTER (77));

  for (guint k = 0; k < 100000; k++)
    {
      Owner *o = &owners[k % G_N_ELEMENTS (owners)];

      cord_timer_start (e, &o->timer, 1000000 + k);
      if (k % 1000 == 999)
        cord_engine_run_until (e, cord_engine_now (e) + 1);
    }
  ck_assert_uint_eq (cord_engine_pending (e), G_N_ELEMENTS (owners) + 1);
  ck_assert (cord_engine_next_time (e, &next));
  ck_assert_uint_eq (next, 99 + 1000000 + 99992);

  ck_assert_uint_eq (cord_engine_run (e, G_MAXUINT64), G_N_ELEMENTS (owners) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      ck_assert_uint_eq (owners[i].fired, 1);
      ck_assert_uint_eq (owners[i].last, 99 + 1000000 + 99992 + i);
    }
  ck_assert_uint_eq (log.tags->len, 1);
  ck_assert_uint_eq (TIME (&log, 0), 5000000);
  log_clear (&log);
}
END_TEST

START_TEST (test_timer_clear_and_cancel)
{
  g_autoptr (CordEngine) e = cord_engine_new ();
  Owner *o = g_new0 (Owner, 1);
  int target;
  Log log;

  log_init (&log);
  cord_timer_init (&o->timer, on_timer, o);
  cord_timer_start (e, &o->timer, 10);
  cord_timer_start (e, &o->timer, 20);
  cord_timer_stop (e, &o->timer);
  cord_timer_start (e, &o->timer, 30);
  /* After clear the owner may be freed: nothing in the heap points at it. */
  cord_timer_clear (e, &o->timer);
  g_free (o);
  ck_assert_uint_eq (cord_engine_pending (e), 0);

  cord_engine_schedule (e, 5, record, &log, &target);
  cord_engine_schedule (e, 6, record, &log, GUINT_TO_POINTER (1));
  cord_engine_schedule (e, 7, record, &log, &target);
  ck_assert_uint_eq (cord_engine_cancel_data (e, &target), 2);
  ck_assert_uint_eq (cord_engine_run (e, G_MAXUINT64), 1);
  ck_assert_uint_eq (TAG (&log, 0), 1);
  log_clear (&log);
}
END_TEST

typedef struct {
  guint          calls;
  guint64        last_time;
  CordEngineFunc last_fn;
  gpointer       last_a;
  gpointer       last_b;
  gboolean       clock_matches;
} Trace;

static void
trace_cb (CordEngine    *engine,
          guint64        time_ns,
          CordEngineFunc fn,
          gpointer       a,
          gpointer       b,
          gpointer       user_data)
{
  Trace *t = user_data;

  t->calls++;
  t->last_time = time_ns;
  t->last_fn = fn;
  t->last_a = a;
  t->last_b = b;
  t->clock_matches = cord_engine_now (engine) == time_ns;
}

START_TEST (test_trace_hook)
{
  g_autoptr (CordEngine) e = cord_engine_new ();
  Trace t = { 0 };
  Owner o = { 0 };
  Log log;

  log_init (&log);
  cord_engine_set_trace (e, trace_cb, &t);
  for (guint i = 0; i < 25; i++)
    cord_engine_schedule (e, i * 3, record, &log, GUINT_TO_POINTER (i));
  cord_timer_init (&o.timer, on_timer, &o);
  cord_timer_start (e, &o.timer, 40);
  cord_timer_start (e, &o.timer, 500);     /* the 40 entry goes stale */

  ck_assert_uint_eq (cord_engine_run_until (e, 100), 25);
  ck_assert_uint_eq (t.calls, 25);
  ck_assert_uint_eq (t.last_time, 72);
  ck_assert_ptr_eq ((gpointer) t.last_fn, (gpointer) record);
  ck_assert_ptr_eq (t.last_a, &log);
  ck_assert_ptr_eq (t.last_b, GUINT_TO_POINTER (24));
  ck_assert (t.clock_matches);

  /* A timer is traced as its callback with (data, timer). */
  ck_assert_uint_eq (cord_engine_run (e, G_MAXUINT64), 1);
  ck_assert_uint_eq (t.calls, 26);
  ck_assert_uint_eq (t.last_time, 500);
  ck_assert_ptr_eq ((gpointer) t.last_fn, (gpointer) on_timer);
  ck_assert_ptr_eq (t.last_a, &o);
  ck_assert_ptr_eq (t.last_b, &o.timer);
  ck_assert_uint_eq (cord_engine_events_run (e), 26);

  /* Unset: events still run, the hook is not called. */
  cord_engine_set_trace (e, NULL, NULL);
  cord_engine_schedule (e, 1, record, &log, NULL);
  ck_assert (cord_engine_step (e));
  ck_assert_uint_eq (t.calls, 26);
  ck_assert_uint_eq (cord_engine_events_run (e), 27);
  log_clear (&log);
}
END_TEST

static void
nothing (CordEngine *engine G_GNUC_UNUSED,
         gpointer    a G_GNUC_UNUSED,
         gpointer    b G_GNUC_UNUSED)
{
}

/* After warm-up the heap array is reused; this mostly guards the
 * sift code against off-by-ones under ASan with a deep heap. */
START_TEST (test_heap_reuse)
{
  g_autoptr (CordEngine) e = cord_engine_new ();
  g_autoptr (GRand) rng = g_rand_new_with_seed (7);

  for (guint round = 0; round < 20; round++)
    {
      for (guint i = 0; i < 5000; i++)
        cord_engine_schedule (e, g_rand_int_range (rng, 0, 1000000), nothing, NULL, NULL);
      ck_assert_uint_eq (cord_engine_run (e, 2500), 2500);
    }
  ck_assert_uint_eq (cord_engine_pending (e), 50000);
  ck_assert_uint_eq (cord_engine_run (e, G_MAXUINT64), 50000);
  ck_assert_uint_eq (cord_engine_events_run (e), 100000);
}
END_TEST

static Suite *
engine_suite (void)
{
  Suite *s = suite_create ("engine");
  TCase *tc = tcase_create ("core");

  /* Generous for valgrind; each test takes milliseconds natively. */
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_fifo_equal_times);
  tcase_add_test (tc, test_random_order);
  tcase_add_test (tc, test_chain_and_step);
  tcase_add_test (tc, test_run_until);
  tcase_add_test (tc, test_run_until_follow_ups);
  tcase_add_test (tc, test_schedule_in_past);
  tcase_add_test (tc, test_timer_stop_restart);
  tcase_add_test (tc, test_timer_many_restarts);
  tcase_add_test (tc, test_timer_clear_and_cancel);
  tcase_add_test (tc, test_trace_hook);
  tcase_add_test (tc, test_heap_reuse);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  SRunner *sr = srunner_create (engine_suite ());
  int failed;

  srunner_run_all (sr, CK_NORMAL);
  failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? 0 : 1;
}
