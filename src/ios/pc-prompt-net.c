/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PC Command Prompt's network commands: ping, tracert and arp, printed as Packet Tracer prints them. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "pc-prompt-private.h"

/* The most data an echo carries here: one Ethernet frame, no fragments. */
#define PING_MAX_SIZE (CORD_FRAME_MTU - CORD_FRAME_IPV4_HLEN - CORD_FRAME_ICMP_HLEN)

/* Virtual nanoseconds as the whole milliseconds Windows shows. */
static guint
to_ms (guint64 ns)
{
  return (guint) MIN (ns / CORD_ENGINE_NS_PER_MS, (guint64) G_MAXUINT);
}

static char *
address_text (guint32 address)
{
  char buf[CORD_FRAME_IPV4_STRLEN];

  return g_strdup (cord_frame_ipv4_to_string (address, buf));
}

/* A target the stack can send to. Packet Tracer answers broadcasts,
 * multicasts and 0.0.0.0 as names it could not resolve. */
static gboolean
parse_target (const char *text,
              guint32    *address)
{
  if (!cord_frame_ipv4_parse (text, address))
    return FALSE;
  return *address != 0 && *address != 0xffffffffu && (*address >> 28) != 0xe;
}

/* Reads a whole decimal number in [@min, @max]. */
static gboolean
parse_number (const char *text,
              guint64     min,
              guint64     max,
              guint64    *value)
{
  char *end = NULL;
  guint64 v;

  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  errno = 0;
  v = g_ascii_strtoull (text, &end, 10);
  if (errno != 0 || *end != '\0' || v < min || v > max)
    return FALSE;
  *value = v;
  return TRUE;
}

static void
clear_target (CordPcPrompt *p)
{
  g_clear_pointer (&p->target, g_free);
}

/* --- ping -------------------------------------------------------------- */

static void
on_reply (CordPing *ping,
          guint     index,
          guint64   rtt_ns,
          guint8    ttl,
          guint     bytes,
          guint32   from,
          gpointer  user_data)
{
  CordPcPrompt *p = user_data;
  g_autofree char *source = address_text (from);
  guint ms = to_ms (rtt_ns);

  if (p->replies == 0 || ms < p->rtt_min_ms)
    p->rtt_min_ms = ms;
  p->rtt_max_ms = MAX (p->rtt_max_ms, ms);
  p->rtt_sum_ms += ms;
  p->replies++;
  if (ms == 0)
    _cord_pc_prompt_printf (p, _("Reply from %s: bytes=%u time<1ms TTL=%u\n"), source, bytes, ttl);
  else
    _cord_pc_prompt_printf (p, _("Reply from %s: bytes=%u time=%ums TTL=%u\n"), source, bytes, ms, ttl);
}

static void
on_timeout (CordPing *ping,
            guint     index,
            gpointer  user_data)
{
  _cord_pc_prompt_printf (user_data, "%s\n", _("Request timed out."));
}

/* Packet Tracer words every unreachable code alike, and a PC whose own ARP
 * went unanswered reports a plain timeout. */
static void
on_unreachable (CordPing *ping,
                guint     index,
                guint32   from,
                guint8    code,
                gboolean  local,
                gpointer  user_data)
{
  g_autofree char *source = NULL;

  if (local)
    {
      on_timeout (ping, index, user_data);
      return;
    }
  source = address_text (from);
  _cord_pc_prompt_printf (user_data, _("Reply from %s: Destination host unreachable.\n"), source);
}

static void
on_ttl_expired (CordPing *ping,
                guint     index,
                guint32   from,
                gpointer  user_data)
{
  g_autofree char *source = address_text (from);

  _cord_pc_prompt_printf (user_data, _("Reply from %s: TTL expired in transit.\n"), source);
}

/* Lost counts what left and never got an echo reply, the echo in flight
 * when Ctrl-C came included; the round trips show only after a reply. */
static void
on_ping_done (CordPing            *ping,
              const CordPingStats *stats,
              gpointer             user_data)
{
  CordPcPrompt *p = user_data;
  guint lost = stats->sent - MIN (stats->received, stats->sent);
  GString *out;

  p->ping = NULL;
  if (p->closing)
    {
      clear_target (p);
      return;
    }
  out = g_string_new (NULL);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Ping statistics for %s:\n"), p->target);
  g_string_append_printf (out, _("    Packets: Sent = %u, Received = %u, Lost = %u (%u%% loss),\n"),
                          stats->sent, stats->received, lost,
                          stats->sent == 0 ? 0 : (guint) ((guint64) lost * 100 / stats->sent));
  if (p->replies > 0)
    {
      g_string_append_printf (out, "%s\n", _("Approximate round trip times in milli-seconds:"));
      g_string_append_printf (out, _("    Minimum = %ums, Maximum = %ums, Average = %ums\n"),
                              p->rtt_min_ms, p->rtt_max_ms, (guint) (p->rtt_sum_ms / p->replies));
    }
  g_string_append_c (out, '\n');
  if (p->interrupted)
    g_string_append (out, "Control-C\n^C\n");
  _cord_pc_prompt_print (p, out->str);
  g_string_free (out, TRUE);
  clear_target (p);
  _cord_pc_prompt_finish (p);
}

static const CordPingCallbacks ping_callbacks = {
  on_reply, on_timeout, on_unreachable, on_ttl_expired, on_ping_done,
};

static void
ping_usage (CordPcPrompt *p)
{
  _cord_pc_prompt_printf (p, "%s\n%s\n\n", _("Cisco Packet Tracer PC Ping"),
                          _("Usage: ping [-n count | -v TOS | -t ] target"));
}

static void
bad_value (CordPcPrompt *p,
           char          option,
           guint         min,
           guint         max)
{
  _cord_pc_prompt_printf (p, _("Bad value for option -%c, valid range is from %u to %u.\n\n"),
                          option, min, max);
}

/* ping [-n COUNT] [-t] [-v TOS] [-l SIZE] TARGET, options anywhere. */
void
_cord_pc_prompt_ping (CordPcPrompt *prompt,
                      guint         argc,
                      char        **argv)
{
  g_autoptr(GError) error = NULL;
  const char *target = NULL;
  CordPingOptions options;
  guint32 address;

  cord_ping_options_init (&options, CORD_PING_STYLE_WINDOWS);
  for (guint i = 0; i < argc; i++)
    {
      const char *word = argv[i];
      guint64 value = 0;
      char option;

      if (word[0] != '-' && word[0] != '/')
        {
          if (target != NULL)
            {
              _cord_pc_prompt_invalid (prompt);
              return;
            }
          target = word;
          continue;
        }
      option = g_ascii_tolower (word[1]);
      if (word[1] == '\0' || word[2] != '\0')
        {
          _cord_pc_prompt_invalid (prompt);
          return;
        }
      if (option == '?')
        {
          ping_usage (prompt);
          return;
        }
      if (option == 't')
        {
          options.count = 0;
          continue;
        }
      if ((option != 'n' && option != 'v' && option != 'l') || i + 1 == argc)
        {
          _cord_pc_prompt_invalid (prompt);
          return;
        }
      word = argv[++i];
      if (!g_ascii_isdigit (word[0]))
        {
          _cord_pc_prompt_invalid (prompt);
          return;
        }
      switch (option)
        {
        case 'n':
          if (!parse_number (word, 1, G_MAXUINT32, &value))
            {
              bad_value (prompt, option, 1, G_MAXUINT32);
              return;
            }
          options.count = (guint) value;
          break;
        case 'v':
          if (!parse_number (word, 0, 255, &value))
            {
              bad_value (prompt, option, 0, 255);
              return;
            }
          options.tos = (guint8) value;
          break;
        default:
          if (!parse_number (word, 0, PING_MAX_SIZE, &value))
            {
              bad_value (prompt, option, 0, PING_MAX_SIZE);
              return;
            }
          options.size = (guint) value;
          break;
        }
    }
  if (target == NULL)
    {
      ping_usage (prompt);
      return;
    }
  if (!parse_target (target, &address))
    {
      /* DNS comes later: every name is one that could not be found. */
      _cord_pc_prompt_printf (prompt, _("Ping request could not find host %s. "
                                        "Please check the name and try again.\n"), target);
      return;
    }

  prompt->replies = 0;
  prompt->rtt_sum_ms = 0;
  prompt->rtt_min_ms = prompt->rtt_max_ms = 0;
  prompt->interrupted = FALSE;
  prompt->target = address_text (address);
  prompt->ping = cord_ip_ping_start (prompt->sim, prompt->device, address, &options,
                                     &ping_callbacks, prompt, &error);
  if (prompt->ping == NULL)
    {
      _cord_pc_prompt_printf (prompt, "%s\n\n", error->message);
      clear_target (prompt);
      return;
    }
  prompt->state = _CORD_PC_PINGING;
  _cord_pc_prompt_printf (prompt, _("\nPinging %s with %u bytes of data:\n\n"), prompt->target, options.size);
}

/* --- tracert ----------------------------------------------------------- */

static void
trace_open_hop (CordPcPrompt *p,
                guint         hop)
{
  p->trace_hop = hop;
  p->trace_hop_ends = FALSE;
  _cord_pc_prompt_printf (p, "  %u   ", hop);
}

/* Each probe's column appears as it is answered; the address column shows
 * the last probe's answer, as Packet Tracer does. The next hop's number is
 * printed as soon as its probes leave. */
static void
on_probe (CordTrace            *trace,
          guint                 hop,
          guint                 probe,
          CordTraceProbeResult  result,
          guint32               from,
          guint64               rtt_ns,
          guint8                icmp_code,
          gpointer              user_data)
{
  CordPcPrompt *p = user_data;
  g_autofree char *column = NULL;

  if (p->trace_hop != hop)
    trace_open_hop (p, hop);
  switch (result)
    {
    case CORD_TRACE_PROBE_TIMEOUT:
      column = g_strdup ("*");
      break;
    case CORD_TRACE_PROBE_REACHED:
    case CORD_TRACE_PROBE_UNREACHABLE:
      p->trace_hop_ends = TRUE;
      column = g_strdup_printf (_("%u ms"), to_ms (rtt_ns));
      break;
    case CORD_TRACE_PROBE_TIME_EXCEEDED:
    default:
      column = g_strdup_printf (_("%u ms"), to_ms (rtt_ns));
      break;
    }
  _cord_pc_prompt_printf (p, "%-10s", column);
  if (probe + 1 < p->trace_probes)
    return;

  if (result == CORD_TRACE_PROBE_TIMEOUT)
    _cord_pc_prompt_printf (p, "%s\n", _("Request timed out."));
  else
    {
      g_autofree char *source = address_text (from);

      _cord_pc_prompt_printf (p, "%s\n", source);
    }
  p->trace_hop = 0;
  if (!p->trace_hop_ends && hop < p->trace_max_hops)
    trace_open_hop (p, hop + 1);
}

static void
on_trace_done (CordTrace *trace,
               gboolean   reached,
               gboolean   cancelled,
               gpointer   user_data)
{
  CordPcPrompt *p = user_data;

  p->trace = NULL;
  clear_target (p);
  if (p->closing)
    return;
  if (p->interrupted)
    _cord_pc_prompt_print (p, "\nControl-C\n^C\n");
  else
    {
      if (p->trace_hop != 0)
        _cord_pc_prompt_print (p, "\n");
      _cord_pc_prompt_printf (p, "\n%s\n\n", _("Trace complete."));
    }
  p->trace_hop = 0;
  _cord_pc_prompt_finish (p);
}

static const CordTraceCallbacks trace_callbacks = { on_probe, on_trace_done };

void
_cord_pc_prompt_tracert (CordPcPrompt *prompt,
                         guint         argc,
                         char        **argv)
{
  g_autoptr(GError) error = NULL;
  CordTraceOptions options;
  guint32 address;

  if (argc == 0 || (argc == 1 && strcmp (argv[0], "/?") == 0))
    {
      _cord_pc_prompt_printf (prompt, "%s\n\n%s\n\n", _("Cisco Packet Tracer PC Tracert"),
                              _("Usage: tracert target"));
      return;
    }
  if (argc > 1)
    {
      _cord_pc_prompt_invalid (prompt);
      return;
    }
  if (!parse_target (argv[0], &address))
    {
      _cord_pc_prompt_printf (prompt, _("Unable to resolve target system name %s.\n"), argv[0]);
      return;
    }

  cord_trace_options_init (&options, CORD_TRACE_ICMP);
  prompt->interrupted = FALSE;
  prompt->trace_hop = 0;
  prompt->trace_max_hops = options.max_ttl;
  prompt->trace_probes = options.probes;
  prompt->target = address_text (address);
  prompt->trace = cord_ip_trace_start (prompt->sim, prompt->device, address, &options,
                                       &trace_callbacks, prompt, &error);
  if (prompt->trace == NULL)
    {
      _cord_pc_prompt_printf (prompt, "%s\n\n", error->message);
      clear_target (prompt);
      return;
    }
  prompt->state = _CORD_PC_TRACING;
  _cord_pc_prompt_printf (prompt, _("\nTracing route to %s over a maximum of %u hops: \n\n"),
                          prompt->target, options.max_ttl);
  trace_open_hop (prompt, options.min_ttl);
}

/* --- arp --------------------------------------------------------------- */

static void
arp_show (CordPcPrompt *p)
{
  g_autoptr(GArray) entries = cord_ip_get_arp (p->sim, p->device);
  GString *out = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const CordArpInfo *e = &g_array_index (entries, CordArpInfo, i);
      char ip[CORD_FRAME_IPV4_STRLEN];
      g_autofree char *mac = NULL;

      if (e->is_local)
        continue;
      if (shown++ == 0)
        g_string_append_printf (out, "  %-22s%-22s%s\n", _("Internet Address"), _("Physical Address"),
                                _("Type"));
      mac = g_strdup_printf ("%04x.%04x.%04x", (guint) (e->mac >> 32) & 0xffff,
                             (guint) (e->mac >> 16) & 0xffff, (guint) e->mac & 0xffff);
      g_string_append_printf (out, "  %-22s%-22s%s\n", cord_frame_ipv4_to_string (e->address, ip), mac,
                              _("dynamic"));
    }
  if (shown == 0)
    g_string_append_printf (out, "%s\n", _("No ARP Entries Found"));
  else
    g_string_append_c (out, '\n');
  _cord_pc_prompt_print (p, out->str);
  g_string_free (out, TRUE);
}

void
_cord_pc_prompt_arp (CordPcPrompt *prompt,
                     guint         argc,
                     char        **argv)
{
  if (argc == 0)
    _cord_pc_prompt_printf (prompt, "%s\n%s\n%s\n\n", _("Cisco Packet Tracer PC ARP"),
                            _("Display ARP entries: arp -a"), _("Clear ARP table: arp -d"));
  else if (argc == 1 && g_ascii_strcasecmp (argv[0], "-a") == 0)
    arp_show (prompt);
  else if (argc == 1 && g_ascii_strcasecmp (argv[0], "-d") == 0)
    cord_ip_clear_arp (prompt->sim, prompt->device);
  else
    _cord_pc_prompt_invalid (prompt);
}

/* --- Stopping ------------------------------------------------------------ */

void
_cord_pc_prompt_interrupt (CordPcPrompt *prompt)
{
  prompt->interrupted = TRUE;
  /* Each calls its done callback before it returns. */
  if (prompt->ping != NULL)
    cord_ip_ping_cancel (prompt->ping);
  else if (prompt->trace != NULL)
    cord_ip_trace_cancel (prompt->trace);
}

void
_cord_pc_prompt_stop (CordPcPrompt *prompt)
{
  if (prompt->ping != NULL)
    cord_ip_ping_cancel (prompt->ping);
  if (prompt->trace != NULL)
    cord_ip_trace_cancel (prompt->trace);
  if (prompt->state == _CORD_PC_RENEWING)
    cord_dhcp_forget (prompt->sim, prompt->device, prompt);
  clear_target (prompt);
  prompt->trace_hop = 0;
  prompt->interrupted = FALSE;
  if (prompt->state != _CORD_PC_CLOSED)
    prompt->state = _CORD_PC_EDITING;
}
