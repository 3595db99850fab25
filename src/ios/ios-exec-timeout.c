/* SPDX-License-Identifier: GPL-3.0-or-later */
/* exec-timeout on con0: an EXEC session left idle at its prompt for the line's timeout ends, as `exit` ends it. */
#include "config.h"

#include "ios-console-private.h"

static void
expired (CordEngine *engine,
         gpointer    a,
         gpointer    b)
{
  _CordExecTimeout *timeout = a;

  _cord_ios_session_time_out (g_steal_pointer (&timeout->session));
}

void
_cord_exec_timeout_init (_CordExecTimeout *timeout,
                         CordEngine       *engine)
{
  timeout->engine = engine;
  timeout->session = NULL;
  cord_timer_init (&timeout->timer, expired, timeout);
}

void
_cord_exec_timeout_clear (_CordExecTimeout *timeout)
{
  cord_timer_clear (timeout->engine, &timeout->timer);
  timeout->session = NULL;
}

void
_cord_exec_timeout_restart (_CordExecTimeout *timeout,
                            CordIosSession   *session)
{
  const CordIosLine *line = &cord_ios_session_get_device (session)->console;
  guint64 seconds = (guint64) line->timeout_minutes * 60 + line->timeout_seconds;

  /* exec-timeout 0 0 is never; a console waiting for RETURN runs no EXEC
   * that could end. */
  if (seconds == 0 || _cord_ios_session_waits_for_return (session))
    {
      _cord_exec_timeout_stop (timeout);
      return;
    }
  timeout->session = session;
  cord_timer_start (timeout->engine, &timeout->timer, seconds * CORD_ENGINE_NS_PER_SEC);
}

void
_cord_exec_timeout_stop (_CordExecTimeout *timeout)
{
  cord_timer_stop (timeout->engine, &timeout->timer);
  timeout->session = NULL;
}
