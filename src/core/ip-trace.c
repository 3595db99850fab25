/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Traceroute, with ICMP (Windows tracert) or UDP (IOS) probes, as a session on the IPv4 stack. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "ip-private.h"

/* ---- Traceroute --------------------------------------------------------------- */

struct _CordTrace {
  CordIpSession       session;
  CordTraceOptions    opts;
  CordTraceCallbacks  cb;
  gpointer            user_data;
  guint32             dst;
  guint16             id;         /* ICMP probes */
  guint16             sport;      /* UDP probes */
  guint16             next_key;   /* ICMP sequence, or UDP port offset */
  guint16             key;        /* of the probe in flight */
  guint               hop;
  guint               probe;
  gboolean            waiting;
  guint64             sent_at;
  gboolean            hop_ends;   /* the target, or an unreachable, answered */
  gboolean            reached;
  guint8             *data;
  CordTimer           timer;      /* next probe, or the probe's timeout */
  gboolean            finished;
  guint               busy;
};

void
cord_trace_options_init (CordTraceOptions *options,
                         CordTraceMode     mode)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->mode = mode;
  options->probes = 3;
  options->min_ttl = 1;
  options->max_ttl = 30;
  options->port = 33434;
  if (mode == CORD_TRACE_UDP)
    options->timeout_ns = 3 * CORD_ENGINE_NS_PER_SEC;
  else
    {
      options->timeout_ns = 4 * CORD_ENGINE_NS_PER_SEC;
      options->size = 32;
    }
}

static void
trace_free (CordTrace *trace)
{
  cord_timer_clear (_cord_ip_engine (trace->session.ipdev), &trace->timer);
  g_free (trace->data);
  g_free (trace);
}

static void
trace_leave (CordTrace *trace)
{
  g_assert (trace->busy > 0);
  if (--trace->busy == 0 && trace->finished)
    trace_free (trace);
}

static void
trace_finish (CordTrace *trace,
              gboolean   cancelled)
{
  if (trace->finished)
    return;
  trace->finished = TRUE;
  cord_timer_stop (_cord_ip_engine (trace->session.ipdev), &trace->timer);
  _cord_ip_session_remove (trace->session.ipdev, &trace->session);
  if (trace->cb.done != NULL)
    trace->cb.done (trace, trace->reached, cancelled, trace->user_data);
}

static void
trace_send (CordTrace *trace)
{
  CordIpDev *ipdev = trace->session.ipdev;
  CordFrameIpv4Params params;
  CordIpPath path;

  trace->key = trace->next_key++;
  trace->waiting = TRUE;
  trace->sent_at = _cord_ip_now (ipdev);
  cord_timer_start (_cord_ip_engine (ipdev), &trace->timer, trace->opts.timeout_ns);
  if (!_cord_ip_prepare (ipdev, trace->dst, trace->opts.source, (guint8) trace->hop,
                         &params, &path))
    return;
  if (trace->opts.mode == CORD_TRACE_ICMP)
    _cord_ip_transmit (ipdev, &path,
                       cord_frame_build_icmp_echo_request (&params, trace->id, trace->key,
                                                           trace->data, trace->opts.size));
  else
    _cord_ip_transmit (ipdev, &path,
                       cord_frame_build_udp (&params, trace->sport,
                                             (guint16) (trace->opts.port + trace->key),
                                             trace->data, trace->opts.size));
}

/* Reports the probe in flight and moves on: the next probe of this hop,
 * the next hop, or the end. */
static void
trace_outcome (CordTrace            *trace,
               CordTraceProbeResult  result,
               guint32               from,
               guint8                code)
{
  guint64 rtt = result == CORD_TRACE_PROBE_TIMEOUT ? 0 : _cord_ip_now (trace->session.ipdev) - trace->sent_at;

  trace->waiting = FALSE;
  if (result == CORD_TRACE_PROBE_REACHED)
    trace->reached = TRUE;
  if (result == CORD_TRACE_PROBE_REACHED || result == CORD_TRACE_PROBE_UNREACHABLE)
    trace->hop_ends = TRUE;
  if (trace->cb.probe != NULL)
    trace->cb.probe (trace, trace->hop, trace->probe, result, from, rtt, code, trace->user_data);
  if (trace->finished)
    return;
  if (++trace->probe == trace->opts.probes)
    {
      if (trace->hop_ends || trace->hop >= trace->opts.max_ttl)
        {
          trace_finish (trace, FALSE);
          return;
        }
      trace->hop++;
      trace->probe = 0;
    }
  cord_timer_start (_cord_ip_engine (trace->session.ipdev), &trace->timer, 0);
}

static void
trace_timer_cb (CordEngine *engine,
                gpointer    a,
                gpointer    b)
{
  CordTrace *trace = a;

  trace->busy++;
  if (trace->waiting)
    trace_outcome (trace, CORD_TRACE_PROBE_TIMEOUT, 0, 0);
  else
    trace_send (trace);
  trace_leave (trace);
}

static gboolean
trace_icmp (CordIpSession         *session,
            const CordIpIcmpEvent *ev)
{
  CordTrace *trace = (CordTrace *) session;
  CordTraceProbeResult result;

  if (!trace->waiting)
    return FALSE;
  if (trace->opts.mode == CORD_TRACE_ICMP)
    {
      if (ev->type == CORD_FRAME_ICMP_ECHO_REPLY ? (ev->id != trace->id || ev->seq != trace->key)
                                                 : (ev->q_proto != CORD_FRAME_IPPROTO_ICMP ||
                                                    ev->q_id != trace->id || ev->q_seq != trace->key))
        return FALSE;
    }
  else if (ev->type == CORD_FRAME_ICMP_ECHO_REPLY || ev->q_proto != CORD_FRAME_IPPROTO_UDP ||
           ev->q_sport != trace->sport || ev->q_dport != (guint16) (trace->opts.port + trace->key))
    return FALSE;

  if (ev->type == CORD_FRAME_ICMP_TIME_EXCEEDED)
    result = CORD_TRACE_PROBE_TIME_EXCEEDED;
  else if (ev->type == CORD_FRAME_ICMP_ECHO_REPLY ||
           (ev->code == CORD_FRAME_UNREACH_PORT && ev->from == trace->dst && !ev->local))
    result = CORD_TRACE_PROBE_REACHED;
  else
    result = CORD_TRACE_PROBE_UNREACHABLE;
  trace->busy++;
  cord_timer_stop (_cord_ip_engine (session->ipdev), &trace->timer);
  trace_outcome (trace, result, ev->from, ev->type == CORD_FRAME_ICMP_ECHO_REPLY ? 0 : ev->code);
  trace_leave (trace);
  return TRUE;
}

static void
trace_session_cancel (CordIpSession *session)
{
  cord_ip_trace_cancel ((CordTrace *) session);
}

CordTrace *
cord_ip_trace_start (CordSim                  *sim,
                     CordDevice               *device,
                     guint32                   dst,
                     const CordTraceOptions   *options,
                     const CordTraceCallbacks *callbacks,
                     gpointer                  user_data,
                     GError                  **error)
{
  CordIpDev *ipdev;
  CordTrace *trace;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (callbacks != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ipdev = _cord_ip_start_checks (sim, device, dst, options->source, error);
  if (ipdev == NULL)
    return NULL;
  if (options->probes == 0 || options->min_ttl == 0 || options->min_ttl > options->max_ttl ||
      options->max_ttl > 255 || options->timeout_ns == 0)
    {
      g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                           _("% A trace needs probes, a timeout, and TTLs from 1 up to at most 255"));
      return NULL;
    }
  if (options->size > CORD_FRAME_MTU - CORD_FRAME_IPV4_HLEN - CORD_FRAME_UDP_HLEN)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("%% A probe carries at most %u data bytes"),
                   CORD_FRAME_MTU - CORD_FRAME_IPV4_HLEN - CORD_FRAME_UDP_HLEN);
      return NULL;
    }
  trace = g_new0 (CordTrace, 1);
  trace->session.ipdev = ipdev;
  trace->session.icmp = trace_icmp;
  trace->session.cancel = trace_session_cancel;
  trace->opts = *options;
  trace->cb = *callbacks;
  trace->user_data = user_data;
  trace->dst = dst;
  trace->id = ipdev->next_ping_id++;
  trace->sport = ipdev->next_port++;
  if (ipdev->next_port == 0)
    ipdev->next_port = 49152;
  trace->hop = options->min_ttl;
  trace->data = _cord_ip_make_data (options->mode == CORD_TRACE_UDP ? CORD_PING_STYLE_IOS
                                                                    : CORD_PING_STYLE_WINDOWS,
                                    options->size);
  cord_timer_init (&trace->timer, trace_timer_cb, trace);
  _cord_ip_session_add (ipdev, &trace->session);
  cord_timer_start (_cord_ip_engine (ipdev), &trace->timer, 0);
  return trace;
}

void
cord_ip_trace_cancel (CordTrace *trace)
{
  g_return_if_fail (trace != NULL);

  if (trace->finished)
    return;
  trace->busy++;
  trace_finish (trace, TRUE);
  trace_leave (trace);
}
