/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ping, the echo sessions every IP device runs, and the checks and echo data traceroute shares with it. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "ip-private.h"

/* ---- Shared by ping and traceroute ------------------------------------------ */

/* The data of an echo: IOS repeats 0xABCD, Windows the alphabet a to w. */
guint8 *
_cord_ip_make_data (CordPingStyle style,
                    guint         size)
{
  guint8 *data = g_malloc (MAX (size, 1u));

  for (guint i = 0; i < size; i++)
    data[i] = style == CORD_PING_STYLE_IOS ? (i % 2 == 0 ? 0xab : 0xcd) : (guint8) ('a' + i % 23);
  return data;
}

CordIpDev *
_cord_ip_start_checks (CordSim     *sim,
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

  ipdev = _cord_ip_start_checks (sim, device, dst, options->source, error);
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
  ping->data = _cord_ip_make_data (options->style, options->size);
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
