/* SPDX-License-Identifier: GPL-3.0-or-later */
/* End devices (PCs, laptops, servers), and the ping and traceroute programs every IP device runs. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "ip-private.h"

/* ---- End devices ------------------------------------------------------------ */

/* The NIC takes the lab's settings (CordDevice.host): address, mask and
 * the default gateway as a default route. Settings that are not a usable
 * interface address leave the NIC unaddressed. They survive power cycles:
 * they are part of the lab, not a running configuration. */
void
_cord_host_apply_settings (CordIpDev *ipdev)
{
  const CordHostIp *host;
  CordIpIf *nic;
  guint32 address, mask;

  g_assert (ipdev != NULL);

  host = &ipdev->sdev->device->host;
  address = host->address;
  mask = host->mask;
  if (!cord_ip_check_address (address, mask, NULL))
    address = mask = 0;
  nic = ipdev->ifs->len > 0 ? ipdev->ifs->pdata[0] : NULL;
  if (nic != NULL && (nic->address != address || nic->mask != mask))
    {
      _cord_ip_arp_flush_if (ipdev, nic);
      nic->address = address;
      nic->mask = mask;
    }
  ipdev->gateway = host->gateway;
  _cord_ip_refresh (ipdev);
}

static void
host_receive (CordSimDevice      *sdev,
              CordSimPort        *port,
              CordFrame          *frame,
              const CordL2Header *l2)
{
  _cord_ip_receive (_cord_ip_dev_get (sdev), port, frame, l2);
}

static void
host_port_changed (CordSimDevice *sdev,
                   CordSimPort   *port)
{
  _cord_ip_refresh (_cord_ip_dev_get (sdev));
}

static void
host_port_added (CordSimDevice *sdev,
                 CordSimPort   *port)
{
  CordIpDev *ipdev = _cord_ip_dev_get (sdev);

  /* A NIC put in later takes the settings at once. */
  if (port->ip == NULL)
    {
      _cord_ip_port_added (ipdev, port);
      if (port->ip != NULL)
        _cord_host_apply_settings (ipdev);
    }
}

static void
host_port_removed (CordSimDevice *sdev,
                   CordSimPort   *port)
{
  if (sdev->impl != NULL)
    _cord_ip_port_removed (sdev->impl, port);
}

static void
host_power_changed (CordSimDevice *sdev)
{
  CordIpDev *ipdev = _cord_ip_dev_get (sdev);

  _cord_ip_stop_all (ipdev);
  _cord_ip_refresh (ipdev);
}

static void
host_host_changed (CordSimDevice *sdev)
{
  _cord_host_apply_settings (_cord_ip_dev_get (sdev));
}

static void
host_free (CordSimDevice *sdev)
{
  _cord_ip_dev_free (sdev);
}

const CordSimDeviceOps _cord_host_ops = {
  .receive = host_receive,
  .port_changed = host_port_changed,
  .port_added = host_port_added,
  .port_removed = host_port_removed,
  .power_changed = host_power_changed,
  .host_changed = host_host_changed,
  .free = host_free,
};

/* ---- Shared by ping and traceroute ------------------------------------------ */

/* The data of an echo: IOS repeats 0xABCD, Windows the alphabet a to w. */
static guint8 *
make_data (CordPingStyle style,
           guint         size)
{
  guint8 *data = g_malloc (MAX (size, 1u));

  for (guint i = 0; i < size; i++)
    data[i] = style == CORD_PING_STYLE_IOS ? (i % 2 == 0 ? 0xab : 0xcd) : (guint8) ('a' + i % 23);
  return data;
}

static CordIpDev *
start_checks (CordSim     *sim,
              CordDevice  *device,
              guint32      dst,
              guint32      source,
              GError     **error)
{
  CordIpDev *ipdev = _cord_ip_dev_lookup (sim, device, FALSE, error);
  gboolean source_ok = source == 0;

  if (ipdev == NULL)
    return NULL;
  if (!_cord_ip_powered (ipdev))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_POWERED, _("%s is switched off"), device->name);
      return NULL;
    }
  if (dst == 0 || _cord_ip_is_multicast (dst))
    {
      g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                           _("% Unrecognized host or address."));
      return NULL;
    }
  CORD_IP_FOREACH_IF (ipdev, ifp, {
    if (source != 0 && ifp->address == source && ifp->up)
      source_ok = TRUE;
  })
  if (!source_ok)
    {
      g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                           _("% Invalid source address- IP address not on any of our up interfaces"));
      return NULL;
    }
  return ipdev;
}

/* ---- Ping ------------------------------------------------------------------- */

typedef struct {
  guint    index;
  guint16  seq;
  guint64  sent_at;
} Echo;

struct _CordPing {
  CordIpSession      session;     /* first: the stack sees a session */
  CordPingOptions    opts;
  CordPingCallbacks  cb;
  gpointer           user_data;
  guint32            dst;
  guint16            id;
  guint16            next_seq;
  guint              next_index;  /* echoes sent so far */
  guint64            last_sent;
  GQueue             outstanding; /* Echo*, oldest first */
  CordTimer          send_timer;
  CordTimer          timeout_timer;
  CordPingStats      stats;
  guint64            rtt_sum;
  guint8            *data;
  gboolean           finished;
  guint              busy;        /* calls into this ping on the stack */
};

void
cord_ping_options_init (CordPingOptions *options,
                        CordPingStyle    style)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->style = style;
  options->wait_for_reply = TRUE;
  if (style == CORD_PING_STYLE_IOS)
    {
      options->count = 5;
      options->size = 100 - CORD_FRAME_IPV4_HLEN - CORD_FRAME_ICMP_HLEN;
      options->timeout_ns = 2 * CORD_ENGINE_NS_PER_SEC;
      options->ttl = CORD_IP_ROUTER_TTL;
      options->interval_ns = 0;
    }
  else
    {
      options->count = 4;
      options->size = 32;
      options->timeout_ns = 4 * CORD_ENGINE_NS_PER_SEC;
      options->ttl = CORD_IP_HOST_TTL;
      options->interval_ns = CORD_ENGINE_NS_PER_SEC;
    }
}

static gboolean
ping_more_to_send (const CordPing *ping)
{
  return ping->opts.count == 0 || ping->next_index < ping->opts.count;
}

static void
ping_free (CordPing *ping)
{
  CordEngine *engine = _cord_ip_engine (ping->session.ipdev);

  cord_timer_clear (engine, &ping->send_timer);
  cord_timer_clear (engine, &ping->timeout_timer);
  g_queue_clear_full (&ping->outstanding, g_free);
  g_free (ping->data);
  g_free (ping);
}

/* Callers hold a busy count; the outermost frees a finished ping. */
static void
ping_enter (CordPing *ping)
{
  ping->busy++;
}

static void
ping_leave (CordPing *ping)
{
  g_assert (ping->busy > 0);
  if (--ping->busy == 0 && ping->finished)
    ping_free (ping);
}

static void
ping_finish (CordPing *ping,
             gboolean  cancelled)
{
  CordEngine *engine = _cord_ip_engine (ping->session.ipdev);

  if (ping->finished)
    return;
  ping->finished = TRUE;
  cord_timer_stop (engine, &ping->send_timer);
  cord_timer_stop (engine, &ping->timeout_timer);
  _cord_ip_session_remove (ping->session.ipdev, &ping->session);
  ping->stats.cancelled = cancelled;
  if (ping->stats.received > 0)
    ping->stats.avg_rtt_ns = ping->rtt_sum / ping->stats.received;
  if (ping->cb.done != NULL)
    ping->cb.done (ping, &ping->stats, ping->user_data);
}

static void
ping_arm_timeout (CordPing *ping)
{
  Echo *oldest = g_queue_peek_head (&ping->outstanding);
  CordEngine *engine = _cord_ip_engine (ping->session.ipdev);

  if (oldest == NULL)
    cord_timer_stop (engine, &ping->timeout_timer);
  else
    cord_timer_start_at (engine, &ping->timeout_timer, oldest->sent_at + ping->opts.timeout_ns);
}

static void
ping_send (CordPing *ping)
{
  CordIpDev *ipdev = ping->session.ipdev;
  Echo *echo = g_new0 (Echo, 1);
  CordFrameIpv4Params params;
  CordIpPath path;

  echo->index = ping->next_index++;
  echo->seq = ping->next_seq++;
  echo->sent_at = _cord_ip_now (ipdev);
  ping->last_sent = echo->sent_at;
  ping->stats.sent++;
  g_queue_push_tail (&ping->outstanding, echo);
  if (g_queue_get_length (&ping->outstanding) == 1)
    ping_arm_timeout (ping);
  /* No route or no address: nothing leaves and the echo times out, as
   * IOS prints "." and PT's PCs "Request timed out.". */
  if (_cord_ip_prepare (ipdev, ping->dst, ping->opts.source, ping->opts.ttl, &params, &path))
    {
      params.tos = ping->opts.tos;
      params.dont_fragment = ping->opts.dont_fragment;
      _cord_ip_transmit (ipdev, &path,
                         cord_frame_build_icmp_echo_request (&params, ping->id, echo->seq,
                                                             ping->data, ping->opts.size));
    }
  if (!ping->opts.wait_for_reply && ping_more_to_send (ping))
    cord_timer_start_at (_cord_ip_engine (ipdev), &ping->send_timer,
                         ping->last_sent + ping->opts.interval_ns);
}

/* After an echo's outcome: the next echo, or the end. */
static void
ping_advance (CordPing *ping)
{
  CordEngine *engine = _cord_ip_engine (ping->session.ipdev);

  ping_arm_timeout (ping);
  if (ping_more_to_send (ping))
    {
      if (ping->opts.wait_for_reply && g_queue_is_empty (&ping->outstanding))
        cord_timer_start_at (engine, &ping->send_timer,
                             MAX (cord_engine_now (engine), ping->last_sent + ping->opts.interval_ns));
    }
  else if (g_queue_is_empty (&ping->outstanding))
    ping_finish (ping, FALSE);
}

static void
ping_send_cb (CordEngine *engine,
              gpointer    a,
              gpointer    b)
{
  CordPing *ping = a;

  ping_enter (ping);
  ping_send (ping);
  ping_leave (ping);
}

static void
ping_timeout_cb (CordEngine *engine,
                 gpointer    a,
                 gpointer    b)
{
  CordPing *ping = a;
  guint64 now = cord_engine_now (engine);
  Echo *echo;

  ping_enter (ping);
  while (!ping->finished && (echo = g_queue_peek_head (&ping->outstanding)) != NULL &&
         echo->sent_at + ping->opts.timeout_ns <= now)
    {
      guint index = echo->index;

      g_free (g_queue_pop_head (&ping->outstanding));
      ping->stats.timeouts++;
      if (ping->cb.timeout != NULL)
        ping->cb.timeout (ping, index, ping->user_data);
    }
  if (!ping->finished)
    ping_advance (ping);
  ping_leave (ping);
}

static Echo *
ping_take (CordPing *ping,
           guint16   seq)
{
  for (GList *l = ping->outstanding.head; l != NULL; l = l->next)
    {
      Echo *echo = l->data;

      if (echo->seq == seq)
        {
          g_queue_delete_link (&ping->outstanding, l);
          return echo;
        }
    }
  return NULL;
}

static gboolean
ping_icmp (CordIpSession         *session,
           const CordIpIcmpEvent *ev)
{
  CordPing *ping = (CordPing *) session;
  g_autofree Echo *echo = NULL;
  guint64 rtt;

  if (ev->type == CORD_FRAME_ICMP_ECHO_REPLY)
    {
      if (ev->id != ping->id || (echo = ping_take (ping, ev->seq)) == NULL)
        return FALSE;
    }
  else if (ev->q_proto != CORD_FRAME_IPPROTO_ICMP || ev->q_id != ping->id ||
           (echo = ping_take (ping, ev->q_seq)) == NULL)
    return FALSE;

  ping_enter (ping);
  switch (ev->type)
    {
    case CORD_FRAME_ICMP_ECHO_REPLY:
      rtt = _cord_ip_now (session->ipdev) - echo->sent_at;
      if (ping->stats.received == 0 || rtt < ping->stats.min_rtt_ns)
        ping->stats.min_rtt_ns = rtt;
      ping->stats.max_rtt_ns = MAX (ping->stats.max_rtt_ns, rtt);
      ping->stats.received++;
      ping->rtt_sum += rtt;
      if (ping->cb.reply != NULL)
        ping->cb.reply (ping, echo->index, rtt, ev->ttl, (guint) ev->data_len, ev->from,
                        ping->user_data);
      break;
    case CORD_FRAME_ICMP_TIME_EXCEEDED:
      ping->stats.ttl_expired++;
      if (ping->cb.ttl_expired != NULL)
        ping->cb.ttl_expired (ping, echo->index, ev->from, ping->user_data);
      break;
    default:
      ping->stats.unreachable++;
      if (ping->cb.unreachable != NULL)
        ping->cb.unreachable (ping, echo->index, ev->from, ev->code, ev->local, ping->user_data);
      break;
    }
  if (!ping->finished)
    ping_advance (ping);
  ping_leave (ping);
  return TRUE;
}

static void
ping_session_cancel (CordIpSession *session)
{
  cord_ip_ping_cancel ((CordPing *) session);
}

CordPing *
cord_ip_ping_start (CordSim                 *sim,
                    CordDevice              *device,
                    guint32                  dst,
                    const CordPingOptions   *options,
                    const CordPingCallbacks *callbacks,
                    gpointer                 user_data,
                    GError                 **error)
{
  CordIpDev *ipdev;
  CordPing *ping;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (callbacks != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ipdev = start_checks (sim, device, dst, options->source, error);
  if (ipdev == NULL)
    return NULL;
  if (options->size > CORD_FRAME_MTU - CORD_FRAME_IPV4_HLEN - CORD_FRAME_ICMP_HLEN)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("%% A ping carries at most %u data bytes"),
                   CORD_FRAME_MTU - CORD_FRAME_IPV4_HLEN - CORD_FRAME_ICMP_HLEN);
      return NULL;
    }
  if (options->ttl == 0 || options->timeout_ns == 0)
    {
      g_set_error_literal (error, CORD_ERROR, CORD_ERROR_INVALID,
                           _("% A ping needs a TTL and a timeout above zero"));
      return NULL;
    }
  ping = g_new0 (CordPing, 1);
  ping->session.ipdev = ipdev;
  ping->session.icmp = ping_icmp;
  ping->session.cancel = ping_session_cancel;
  ping->opts = *options;
  ping->cb = *callbacks;
  ping->user_data = user_data;
  ping->dst = dst;
  ping->id = ipdev->next_ping_id++;
  ping->data = make_data (options->style, options->size);
  g_queue_init (&ping->outstanding);
  cord_timer_init (&ping->send_timer, ping_send_cb, ping);
  cord_timer_init (&ping->timeout_timer, ping_timeout_cb, ping);
  _cord_ip_session_add (ipdev, &ping->session);
  /* The first echo leaves from the engine, so no callback runs before
   * this returns. */
  cord_timer_start (_cord_ip_engine (ipdev), &ping->send_timer, 0);
  return ping;
}

void
cord_ip_ping_cancel (CordPing *ping)
{
  g_return_if_fail (ping != NULL);

  if (ping->finished)
    return;
  ping_enter (ping);
  ping_finish (ping, TRUE);
  ping_leave (ping);
}

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

  ipdev = start_checks (sim, device, dst, options->source, error);
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
  trace->data = make_data (options->mode == CORD_TRACE_UDP ? CORD_PING_STYLE_IOS
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
