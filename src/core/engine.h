/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The discrete-event scheduler: a min-heap of callbacks on virtual nanoseconds. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One engine drives one simulation from one thread; it takes no locks
 * and never reads the wall clock: a GUI paces it by calling
 * cord_engine_run_until() with targets it computes. */
typedef struct _CordEngine CordEngine;

/* What an event runs. For a timer, @a is the timer's data and @b the
 * CordTimer itself, so the callback can restart it. */
typedef void (*CordEngineFunc) (CordEngine *engine,
                                gpointer    a,
                                gpointer    b);

/* Called just before each event runs, with the engine's clock already at
 * @time_ns. */
typedef void (*CordEngineTraceFunc) (CordEngine    *engine,
                                     guint64        time_ns,
                                     CordEngineFunc fn,
                                     gpointer       a,
                                     gpointer       b,
                                     gpointer       user_data);

/* A cancellable timer that the caller embeds in its own struct. Its heap
 * entry knows where it is, so starting, restarting and stopping are all
 * O(log n). The heap points at a running timer: stop it (or call
 * cord_timer_clear()) before freeing the memory that holds it. Fields are
 * private. */
typedef struct {
  /*< private >*/
  CordEngineFunc fn;
  gpointer       a;
  gsize          slot;      /* heap position + 1 while running; 0 stopped */
  guint64        expires;
} CordTimer;

#define CORD_ENGINE_NS_PER_US   G_GUINT64_CONSTANT (1000)
#define CORD_ENGINE_NS_PER_MS   G_GUINT64_CONSTANT (1000000)
#define CORD_ENGINE_NS_PER_SEC  G_GUINT64_CONSTANT (1000000000)

CordEngine *cord_engine_new          (void);
void        cord_engine_free         (CordEngine         *engine);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordEngine, cord_engine_free)

guint64     cord_engine_now          (CordEngine         *engine);
void        cord_engine_schedule     (CordEngine         *engine,
                                      guint64             delay_ns,
                                      CordEngineFunc      fn,
                                      gpointer            a,
                                      gpointer            b);
void        cord_engine_schedule_at  (CordEngine         *engine,
                                      guint64             time_ns,
                                      CordEngineFunc      fn,
                                      gpointer            a,
                                      gpointer            b);
guint       cord_engine_cancel_data  (CordEngine         *engine,
                                      gconstpointer       data);

gboolean    cord_engine_step         (CordEngine         *engine);
guint64     cord_engine_run          (CordEngine         *engine,
                                      guint64             max_events);
guint64     cord_engine_run_until    (CordEngine         *engine,
                                      guint64             time_ns);
guint64     cord_engine_run_for      (CordEngine         *engine,
                                      guint64             duration_ns);

gsize       cord_engine_pending      (CordEngine         *engine);
gboolean    cord_engine_next_time    (CordEngine         *engine,
                                      guint64            *time_ns);
guint64     cord_engine_events_run   (CordEngine         *engine);
void        cord_engine_set_trace    (CordEngine         *engine,
                                      CordEngineTraceFunc fn,
                                      gpointer            user_data);

void        cord_timer_init          (CordTimer          *timer,
                                      CordEngineFunc      fn,
                                      gpointer            a);
void        cord_timer_start         (CordEngine         *engine,
                                      CordTimer          *timer,
                                      guint64             delay_ns);
void        cord_timer_start_at      (CordEngine         *engine,
                                      CordTimer          *timer,
                                      guint64             time_ns);
void        cord_timer_stop          (CordEngine         *engine,
                                      CordTimer          *timer);
void        cord_timer_clear         (CordEngine         *engine,
                                      CordTimer          *timer);
gboolean    cord_timer_is_running    (const CordTimer    *timer);
guint64     cord_timer_expires       (const CordTimer    *timer);

G_END_DECLS
