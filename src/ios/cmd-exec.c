/* SPDX-License-Identifier: GPL-3.0-or-later */
/* EXEC commands that reach beyond the command line: ping, traceroute, clock, and saving, erasing and reloading the configuration. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ios-console.h"
#include "ios-exec.h"
#include "ios-modules.h"
#include "ios-strings.h"
#include "ip.h"

/* --- The clock ------------------------------------------------------------ */

#define CLOCK_KEY "cord-clock"
/* IOS without a calendar starts at 00:00:00 UTC Mon Mar 1 1993. */
#define CLOCK_EPOCH_S G_GINT64_CONSTANT (730944000)

typedef struct {
  guint64  boot_ns;    /* virtual time of the last boot */
  guint64  since_ns;   /* virtual time when the clock read @at_us */
  gint64   at_us;      /* microseconds since 1970 */
  gboolean set;        /* by `clock set` */
} Clock;

static guint64
virtual_now (CordIosDevice *ios)
{
  return ios->sim != NULL ? cord_engine_now (cord_sim_get_engine (ios->sim)) : 0;
}

static Clock *
clock_of (CordIosDevice *ios)
{
  Clock *clock = cord_ios_device_get_data (ios, CLOCK_KEY);

  if (clock == NULL)
    {
      clock = g_new0 (Clock, 1);
      clock->boot_ns = clock->since_ns = virtual_now (ios);
      clock->at_us = CLOCK_EPOCH_S * G_USEC_PER_SEC;
      cord_ios_device_set_data (ios, CLOCK_KEY, clock, g_free);
    }
  return clock;
}

void
cord_ios_clock_boot (CordIosDevice *ios)
{
  g_return_if_fail (ios != NULL);
  cord_ios_device_set_data (ios, CLOCK_KEY, NULL, NULL);
  clock_of (ios);
}

guint64
cord_ios_clock_boot_time (CordIosDevice *ios)
{
  g_return_val_if_fail (ios != NULL, 0);
  return clock_of (ios)->boot_ns;
}

gint64
cord_ios_clock_now (CordIosDevice *ios,
                    gboolean      *set)
{
  Clock *clock;

  g_return_val_if_fail (ios != NULL, 0);

  clock = clock_of (ios);
  if (set != NULL)
    *set = clock->set;
  return clock->at_us + (gint64) ((virtual_now (ios) - clock->since_ns) / CORD_ENGINE_NS_PER_US);
}

static const char *const months[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

/* A month as IOS reads it: any unique beginning of its English name. */
static guint
parse_month (const char *word)
{
  gsize len = strlen (word);
  guint found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (len > 0 && g_ascii_strncasecmp (word, months[i], len) == 0)
      {
        if (found != 0)
          return 0;
        found = i + 1;
      }
  return found;
}

static gboolean
parse_time (const char *text,
            guint      *h,
            guint      *m,
            guint      *s)
{
  int end = -1;

  return sscanf (text, "%2u:%2u:%2u%n", h, m, s, &end) == 3 && end == (int) strlen (text) &&
         g_ascii_isdigit (text[0]) && *h < 24 && *m < 60 && *s < 60;
}

static void
cmd_clock_set (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  guint h, m, s, month = parse_month (cord_ios_exec_arg (exec, "month"));
  guint day = (guint) cord_ios_exec_arg_int (exec, "day", 1);
  guint year = (guint) cord_ios_exec_arg_int (exec, "year", 1993);
  g_autoptr(GDateTime) when = NULL;
  Clock *clock;

  if (!parse_time (cord_ios_exec_arg (exec, "time"), &h, &m, &s))
    {
      cord_ios_exec_invalid (exec, "time");
      return;
    }
  if (month == 0)
    {
      cord_ios_exec_invalid (exec, "month");
      return;
    }
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      cord_ios_exec_invalid (exec, "day");
      return;
    }
  when = g_date_time_new_utc ((gint) year, (gint) month, (gint) day, (gint) h, (gint) m, s);
  clock = clock_of (ios);
  clock->since_ns = virtual_now (ios);
  clock->at_us = g_date_time_to_unix (when) * G_USEC_PER_SEC;
  clock->set = TRUE;
}

/* --- ping ------------------------------------------------------------------ */

typedef struct {
  CordConsole *console;
  CordPing    *ping;
} PingJob;

static void
ping_mark (PingJob    *job,
           const char *mark)
{
  cord_console_print (job->console, mark);
}

static void
ping_reply (CordPing *ping, guint index, guint64 rtt_ns, guint8 ttl, guint bytes,
            guint32 from, gpointer user_data)
{
  ping_mark (user_data, "!");
}

static void
ping_timeout (CordPing *ping, guint index, gpointer user_data)
{
  ping_mark (user_data, ".");
}

static void
ping_unreachable (CordPing *ping, guint index, guint32 from, guint8 code, gboolean local,
                  gpointer user_data)
{
  /* A router whose own ARP fails only sees the echo time out. */
  ping_mark (user_data, local ? "." : code == CORD_FRAME_UNREACH_FRAG_NEEDED ? "M" : "U");
}

static void
ping_ttl_expired (CordPing *ping, guint index, guint32 from, gpointer user_data)
{
  ping_mark (user_data, "&");
}

static void
ping_done (CordPing            *ping,
           const CordPingStats *stats,
           gpointer             user_data)
{
  PingJob *job = user_data;
  guint done = stats->received + stats->unreachable + stats->ttl_expired + stats->timeouts;
  guint total = stats->cancelled ? done : stats->sent;
  g_autoptr(GString) out = g_string_new ("\n");

  g_string_append_printf (out, _("Success rate is %u percent (%u/%u)"),
                          total > 0 ? stats->received * 100 / total : 0, stats->received, total);
  if (stats->received > 0)
    g_string_append_printf (out, _(", round-trip min/avg/max = %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT
                                   "/%" G_GUINT64_FORMAT " ms"),
                            stats->min_rtt_ns / CORD_ENGINE_NS_PER_MS,
                            stats->avg_rtt_ns / CORD_ENGINE_NS_PER_MS,
                            stats->max_rtt_ns / CORD_ENGINE_NS_PER_MS);
  /* Packet Tracer leaves a blank line after it (reference 4.6). */
  g_string_append (out, "\n\n");
  cord_console_print (job->console, out->str);
  cord_console_job_end (job->console);
  g_free (job);
}

static void
ping_abort (gpointer user_data)
{
  PingJob *job = user_data;

  cord_ip_ping_cancel (job->ping);
}

/* The address typed; FALSE after pointing at it when it is none. */
static gboolean
destination (CordIosExec *exec,
             guint32     *address)
{
  if (cord_frame_ipv4_parse (cord_ios_exec_arg (exec, "A.B.C.D"), address))
    return TRUE;
  cord_ios_exec_invalid (exec, "A.B.C.D");
  return FALSE;
}

/* Why the network refused to start a ping or a trace, as IOS words its
 * refusals. */
static void
print_refusal (CordIosExec  *exec,
               const GError *error)
{
  cord_ios_exec_print (exec, error->message[0] == '%' ? "%s\n" : "%% %s\n", error->message);
}

/* A session outside any simulated network has nothing to send on. */
static CordConsole *
network_console (CordIosExec *exec)
{
  CordConsole *console = cord_ios_console_from_exec (exec);

  if (console == NULL)
    cord_ios_exec_print (exec, "%s\n", _("% Unrecognized host or address, or protocol not running."));
  return console;
}

static void
cmd_ping (CordIosExec *exec)
{
  static const CordPingCallbacks callbacks = {
    ping_reply, ping_timeout, ping_unreachable, ping_ttl_expired, ping_done,
  };
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  CordConsole *console;
  CordPingOptions options;
  g_autoptr(GError) error = NULL;
  char text[CORD_FRAME_IPV4_STRLEN];
  g_autofree char *header = NULL;
  guint32 dst;
  PingJob *job;

  if (!destination (exec, &dst) || (console = network_console (exec)) == NULL)
    return;
  cord_ping_options_init (&options, CORD_PING_STYLE_IOS);
  job = g_new0 (PingJob, 1);
  job->console = console;
  job->ping = cord_ip_ping_start (ios->sim, ios->device, dst, &options, &callbacks, job, &error);
  if (job->ping == NULL)
    {
      print_refusal (exec, error);
      g_free (job);
      return;
    }
  /* The first echo leaves from the engine: nothing has happened yet. */
  cord_console_job_begin (console, ping_abort, job);
  header = g_strdup_printf (_("\nType escape sequence to abort.\n"
                              "Sending %u, %u-byte ICMP Echos to %s, timeout is %u seconds:\n"),
                            options.count, options.size + CORD_FRAME_IPV4_HLEN + CORD_FRAME_ICMP_HLEN,
                            cord_frame_ipv4_to_string (dst, text),
                            (guint) (options.timeout_ns / CORD_ENGINE_NS_PER_SEC));
  cord_console_print (console, header);
}

/* --- traceroute ------------------------------------------------------------ */

typedef struct {
  CordConsole *console;
  CordTrace   *trace;
  guint        probes;
  guint        hop;        /* the hop whose line is open, 0 when none */
  guint32      shown;      /* the address that line shows */
} TraceJob;

/* One probe, as Packet Tracer lays it out (reference 4.7): the hop in 3
 * columns and 3 spaces, the address in 16, each result in 10. */
static void
trace_probe (CordTrace            *trace,
             guint                 hop,
             guint                 probe,
             CordTraceProbeResult  result,
             guint32               from,
             guint64               rtt_ns,
             guint8                icmp_code,
             gpointer              user_data)
{
  TraceJob *job = user_data;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *cell = NULL;
  char text[CORD_FRAME_IPV4_STRLEN];

  if (job->hop != hop)
    {
      if (job->hop != 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%3u   ", hop);
      job->hop = hop;
      job->shown = 0;
    }
  if (result != CORD_TRACE_PROBE_TIMEOUT && from != job->shown)
    {
      g_string_append_printf (out, "%-16s", cord_frame_ipv4_to_string (from, text));
      job->shown = from;
    }
  switch (result)
    {
    case CORD_TRACE_PROBE_TIMEOUT:
      cell = g_strdup ("*");
      break;
    case CORD_TRACE_PROBE_UNREACHABLE:
      cell = g_strdup (icmp_code == CORD_FRAME_UNREACH_NET ? "!N"
                       : icmp_code == CORD_FRAME_UNREACH_HOST ? "!H"
                       : icmp_code == CORD_FRAME_UNREACH_PROTOCOL ? "!P"
                       : icmp_code == CORD_FRAME_UNREACH_ADMIN ? "!A" : "!");
      break;
    case CORD_TRACE_PROBE_TIME_EXCEEDED:
    case CORD_TRACE_PROBE_REACHED:
    default:
      cell = g_strdup_printf (_("%" G_GUINT64_FORMAT " msec"), rtt_ns / CORD_ENGINE_NS_PER_MS);
      break;
    }
  g_string_append_printf (out, "%-10s", cell);
  if (probe + 1 == job->probes)
    {
      g_string_append_c (out, '\n');
      job->hop = 0;
    }
  cord_console_print (job->console, out->str);
}

static void
trace_done (CordTrace *trace,
            gboolean   reached,
            gboolean   cancelled,
            gpointer   user_data)
{
  TraceJob *job = user_data;

  if (job->hop != 0)
    cord_console_print (job->console, "\n");
  cord_console_job_end (job->console);
  g_free (job);
}

static void
trace_abort (gpointer user_data)
{
  TraceJob *job = user_data;

  cord_ip_trace_cancel (job->trace);
}

static void
cmd_traceroute (CordIosExec *exec)
{
  static const CordTraceCallbacks callbacks = { trace_probe, trace_done };
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  CordConsole *console;
  CordTraceOptions options;
  g_autoptr(GError) error = NULL;
  char text[CORD_FRAME_IPV4_STRLEN];
  g_autofree char *header = NULL;
  guint32 dst;
  TraceJob *job;

  if (!destination (exec, &dst) || (console = network_console (exec)) == NULL)
    return;
  cord_trace_options_init (&options, CORD_TRACE_UDP);
  job = g_new0 (TraceJob, 1);
  job->console = console;
  job->probes = options.probes;
  job->trace = cord_ip_trace_start (ios->sim, ios->device, dst, &options, &callbacks, job, &error);
  if (job->trace == NULL)
    {
      print_refusal (exec, error);
      g_free (job);
      return;
    }
  cord_console_job_begin (console, trace_abort, job);
  header = g_strdup_printf (_("Type escape sequence to abort.\nTracing the route to %s\n\n"),
                            cord_frame_ipv4_to_string (dst, text));
  cord_console_print (console, header);
}

/* --- Saving, erasing, reloading -------------------------------------------- */

/* NVRAM belongs to a simulated device. */
static CordConsole *
nvram_console (CordIosExec *exec)
{
  CordConsole *console = cord_ios_console_from_exec (exec);

  if (console == NULL)
    cord_ios_exec_print (exec, "%s\n", _("%Error opening nvram:startup-config (No such device)"));
  return console;
}

static void
write_memory (CordIosExec *exec,
              CordConsole *console)
{
  g_autoptr(GError) error = NULL;

  cord_ios_exec_print (exec, "%s\n", _("Building configuration..."));
  if (cord_console_save_config (console, &error))
    cord_ios_exec_print (exec, "%s\n", _("[OK]"));
  else
    cord_ios_exec_print (exec, _("%%Error writing nvram:startup-config (%s)\n"), error->message);
}

static void
copy_answer (CordIosExec *exec,
             const char  *answer,
             gpointer     user_data)
{
  CordConsole *console = nvram_console (exec);
  const char *name = answer + strspn (answer, " ");

  if (console == NULL)
    return;
  if (*name != '\0' && strcmp (name, "startup-config") != 0 && strcmp (name, "nvram:startup-config") != 0)
    {
      cord_ios_exec_print (exec, _("%%Error opening %s (only startup-config can be written)\n"), name);
      return;
    }
  write_memory (exec, console);
}

static void
cmd_copy_run_start (CordIosExec *exec)
{
  if (nvram_console (exec) != NULL)
    cord_ios_exec_ask (exec, _("Destination filename [startup-config]? "), TRUE, copy_answer, NULL, NULL);
}

static void
cmd_write_memory (CordIosExec *exec)
{
  CordConsole *console = nvram_console (exec);

  if (console != NULL)
    write_memory (exec, console);
}

/* [confirm] takes Enter or y; anything else says no. */
static gboolean
confirmed (const char *answer)
{
  answer += strspn (answer, " ");
  return *answer == '\0' || *answer == 'y' || *answer == 'Y';
}

static void
erase_answer (CordIosExec *exec,
              const char  *answer,
              gpointer     user_data)
{
  CordConsole *console = nvram_console (exec);
  g_autoptr(GError) error = NULL;

  if (console == NULL || !confirmed (answer))
    return;
  if (!cord_console_erase_config (console, &error))
    {
      cord_ios_exec_print (exec, _("%%Error erasing nvram: (%s)\n"), error->message);
      return;
    }
  /* Packet Tracer prints the NV_BLOCK_INIT message as part of the answer
   * (reference 2.3). */
  cord_ios_exec_print (exec, "%s\n%s\n%s\n", _("[OK]"), _("Erase of nvram: complete"),
                       _("%SYS-7-NV_BLOCK_INIT: Initialized the geometry of nvram"));
}

static void
cmd_erase_startup (CordIosExec *exec)
{
  if (nvram_console (exec) != NULL)
    cord_ios_exec_ask (exec, _("Erasing the nvram filesystem will remove all configuration files! Continue? [confirm]"),
                       FALSE, erase_answer, NULL, NULL);
}

static void
reload_confirm_answer (CordIosExec *exec,
                       const char  *answer,
                       gpointer     user_data)
{
  CordConsole *console = cord_ios_console_from_exec (exec);

  if (console == NULL || !confirmed (answer))
    return;
  /* Reference 4.8: a blank line, then the boot. */
  cord_console_print (console, "\n");
  cord_console_reload (console);
}

static void
ask_reload_confirm (CordIosExec *exec)
{
  cord_ios_exec_ask (exec, _("Proceed with reload? [confirm]"), FALSE, reload_confirm_answer, NULL, NULL);
}

static void
reload_save_answer (CordIosExec *exec,
                    const char  *answer,
                    gpointer     user_data)
{
  CordConsole *console = cord_ios_console_from_exec (exec);
  g_autofree char *word = g_ascii_strdown (answer + strspn (answer, " "), -1);

  if (console == NULL)
    return;
  g_strchomp (word);
  if (*word != '\0' && g_str_has_prefix ("yes", word))
    write_memory (exec, console);
  else if (*word == '\0' || !g_str_has_prefix ("no", word))
    {
      cord_ios_exec_print (exec, "%s\n", _("% Please answer 'yes' or 'no'."));
      cord_ios_exec_ask (exec, _("System configuration has been modified. Save? [yes/no]: "), TRUE,
                         reload_save_answer, NULL, NULL);
      return;
    }
  ask_reload_confirm (exec);
}

static void
cmd_reload (CordIosExec *exec)
{
  CordConsole *console = cord_ios_console_from_exec (exec);

  if (console == NULL)
    {
      cord_ios_exec_print (exec, "%s\n", _("% Reload is not possible here: this console is not part of a network"));
      return;
    }
  /* Reference 4.8: a blank line before the question. */
  if (cord_console_config_modified (console))
    {
      cord_ios_exec_print (exec, "\n");
      cord_ios_exec_ask (exec, _("System configuration has been modified. Save? [yes/no]: "), TRUE,
                         reload_save_answer, NULL, NULL);
    }
  else
    ask_reload_confirm (exec);
}

/* --- Table ------------------------------------------------------------------ */

#define PING_HELPS \
  CORD_IOS_HELPS (N_("Send echo messages"), N_("Ping destination address or hostname"))
#define TRACE_HELPS \
  CORD_IOS_HELPS (N_("Trace route to destination"), N_("Trace route to destination address or hostname"))

static const CordIosCommand exec_commands[] = {
  { CORD_IOS_NODE_USER, "ping A.B.C.D", PING_HELPS, cmd_ping, 0 },
  { CORD_IOS_NODE_ENABLE, "ping A.B.C.D", PING_HELPS, cmd_ping, 0 },
  { CORD_IOS_NODE_USER, "traceroute A.B.C.D", TRACE_HELPS, cmd_traceroute, 0 },
  { CORD_IOS_NODE_ENABLE, "traceroute A.B.C.D", TRACE_HELPS, cmd_traceroute, 0 },
  { CORD_IOS_NODE_ENABLE, "clock set WORD$time (1-31)$day WORD$month (1993-2035)$year",
    CORD_IOS_HELPS (N_("Manage the system clock"), N_("Set the time and date"), N_("Current Time"),
                    N_("Day of the month"), N_("Month of the year"), N_("Year")), cmd_clock_set, 0 },
  { CORD_IOS_NODE_ENABLE, "clock set WORD$time WORD$month (1-31)$day (1993-2035)$year",
    CORD_IOS_HELPS (N_("Manage the system clock"), N_("Set the time and date"), N_("Current Time"),
                    N_("Month of the year"), N_("Day of the month"), N_("Year")), cmd_clock_set, 0 },
  { CORD_IOS_NODE_ENABLE, "copy running-config startup-config",
    CORD_IOS_HELPS (N_("Copy from one file to another"), N_("Copy from current system configuration"),
                    N_("Copy to startup configuration")), cmd_copy_run_start, 0 },
  { CORD_IOS_NODE_ENABLE, "write [memory]",
    CORD_IOS_HELPS (N_("Write running configuration to memory, network, or terminal"),
                    N_("Write to NV memory")), cmd_write_memory, 0 },
  { CORD_IOS_NODE_ENABLE, "write erase",
    CORD_IOS_HELPS (N_("Write running configuration to memory, network, or terminal"),
                    N_("Erase NV memory")), cmd_erase_startup, 0 },
  { CORD_IOS_NODE_ENABLE, "erase startup-config",
    CORD_IOS_HELPS (N_("Erase a filesystem"), N_("Erase contents of configuration memory")),
    cmd_erase_startup, 0 },
  { CORD_IOS_NODE_ENABLE, "reload",
    CORD_IOS_HELPS (N_("Halt and perform a cold restart")), cmd_reload, 0 },
  { 0 },
};

const CordIosModule cord_ios_module_exec = {
  "exec", exec_commands, NULL,
};
