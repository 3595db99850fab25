/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Real Ethernet/ARP/IPv4/ICMP/UDP wire frames: addresses, builders, a parser and checksums. */
#include <string.h>

#include "frame.h"

const CordMac cord_frame_mac_broadcast = { { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } };
const CordMac cord_frame_mac_zero = { { 0, 0, 0, 0, 0, 0 } };

/* Wire order is big-endian; these work byte by byte so they need no
 * alignment and behave the same on every host. */
static inline guint16
get16 (const guint8 *p)
{
  return (guint16) ((p[0] << 8) | p[1]);
}

static inline guint32
get32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) |
         ((guint32) p[2] << 8) | (guint32) p[3];
}

static inline void
put16 (guint8 *p, guint16 v)
{
  p[0] = (guint8) (v >> 8);
  p[1] = (guint8) v;
}

static inline void
put32 (guint8 *p, guint32 v)
{
  p[0] = (guint8) (v >> 24);
  p[1] = (guint8) (v >> 16);
  p[2] = (guint8) (v >> 8);
  p[3] = (guint8) v;
}

/* ---- Addresses ---------------------------------------------------------- */

static const char hexdigits[] = "0123456789abcdef";

const char *
cord_frame_mac_to_ios (const CordMac *mac,
                       char           buf[CORD_FRAME_MAC_STRLEN])
{
  char *p = buf;

  g_return_val_if_fail (mac != NULL, NULL);
  g_return_val_if_fail (buf != NULL, NULL);

  for (guint i = 0; i < 6; i++)
    {
      if (i == 2 || i == 4)
        *p++ = '.';
      *p++ = hexdigits[mac->b[i] >> 4];
      *p++ = hexdigits[mac->b[i] & 0x0f];
    }
  *p = '\0';
  return buf;
}

const char *
cord_frame_mac_to_colon (const CordMac *mac,
                         char           buf[CORD_FRAME_MAC_STRLEN])
{
  char *p = buf;

  g_return_val_if_fail (mac != NULL, NULL);
  g_return_val_if_fail (buf != NULL, NULL);

  for (guint i = 0; i < 6; i++)
    {
      if (i > 0)
        *p++ = ':';
      *p++ = hexdigits[mac->b[i] >> 4];
      *p++ = hexdigits[mac->b[i] & 0x0f];
    }
  *p = '\0';
  return buf;
}

/* Reads @n hex digits exactly; g_ascii_xdigit_value() is locale-free. */
static gboolean
read_hex (const char *s,
          guint       n,
          guint      *value)
{
  guint v = 0;

  g_assert (s != NULL && value != NULL);

  for (guint i = 0; i < n; i++)
    {
      gint d = g_ascii_xdigit_value (s[i]);

      if (d < 0)
        return FALSE;
      v = (v << 4) | (guint) d;
    }
  *value = v;
  return TRUE;
}

/* Accepts the IOS form "0001.4200.0a01" and the colon form
 * "00:01:42:00:0a:01", either case, and nothing else: a partial match
 * would let a typo name a different station. */
gboolean
cord_frame_mac_parse (const char *str,
                      CordMac    *mac)
{
  CordMac out;
  gsize n;
  guint v;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (mac != NULL, FALSE);

  n = strlen (str);
  if (n == 14 && str[4] == '.' && str[9] == '.')
    {
      for (guint g = 0; g < 3; g++)
        {
          if (!read_hex (str + g * 5, 4, &v))
            return FALSE;
          out.b[g * 2] = (guint8) (v >> 8);
          out.b[g * 2 + 1] = (guint8) v;
        }
    }
  else if (n == 17)
    {
      for (guint i = 0; i < 6; i++)
        {
          if (i > 0 && str[i * 3 - 1] != ':')
            return FALSE;
          if (!read_hex (str + i * 3, 2, &v))
            return FALSE;
          out.b[i] = (guint8) v;
        }
    }
  else
    return FALSE;

  *mac = out;
  return TRUE;
}

gboolean
cord_frame_mac_equal (const CordMac *a,
                      const CordMac *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return memcmp (a->b, b->b, sizeof a->b) == 0;
}

gboolean
cord_frame_mac_is_broadcast (const CordMac *mac)
{
  g_return_val_if_fail (mac != NULL, FALSE);

  return memcmp (mac->b, cord_frame_mac_broadcast.b, sizeof mac->b) == 0;
}

/* The I/G bit, first on the wire; broadcast is a multicast address too. */
gboolean
cord_frame_mac_is_multicast (const CordMac *mac)
{
  g_return_val_if_fail (mac != NULL, FALSE);

  return (mac->b[0] & 0x01) != 0;
}

const char *
cord_frame_ipv4_to_string (guint32 addr,
                           char    buf[CORD_FRAME_IPV4_STRLEN])
{
  g_return_val_if_fail (buf != NULL, NULL);

  g_snprintf (buf, CORD_FRAME_IPV4_STRLEN, "%u.%u.%u.%u",
              (addr >> 24) & 0xff, (addr >> 16) & 0xff,
              (addr >> 8) & 0xff, addr & 0xff);
  return buf;
}

/* Strict dotted quad: four decimal octets 0-255, no spaces, no signs, no
 * trailing text. Leading zeros ("010") are refused because inet_aton()
 * reads them as octal; accepting them would mean two tools disagree on
 * which host the user typed. */
gboolean
cord_frame_ipv4_parse (const char *str,
                       guint32    *addr)
{
  const char *p = str;
  guint32 out = 0;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (addr != NULL, FALSE);

  for (guint octet = 0; octet < 4; octet++)
    {
      guint v = 0;
      guint digits = 0;

      if (octet > 0)
        {
          if (*p != '.')
            return FALSE;
          p++;
        }
      while (*p >= '0' && *p <= '9')
        {
          if (digits == 3)
            return FALSE;
          if (digits == 1 && v == 0)
            return FALSE;
          v = v * 10 + (guint) (*p - '0');
          digits++;
          p++;
        }
      if (digits == 0 || v > 255)
        return FALSE;
      out = (out << 8) | v;
    }
  if (*p != '\0')
    return FALSE;

  *addr = out;
  return TRUE;
}

/* ---- Checksums ---------------------------------------------------------- */

/* RFC 1071 sum of big-endian 16-bit words. A 64-bit accumulator cannot
 * overflow for any buffer that fits in memory. Only the last chunk summed
 * into one accumulator may have odd length. */
static guint64
sum_bytes (guint64       sum,
           const guint8 *p,
           gsize         n)
{
  g_assert (p != NULL || n == 0);

  while (n >= 2)
    {
      sum += get16 (p);
      p += 2;
      n -= 2;
    }
  if (n == 1)
    sum += (guint64) p[0] << 8;
  return sum;
}

static guint16
sum_finish (guint64 sum)
{
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  return (guint16) ~sum;
}

/* Returns the value to store, big-endian, in a checksum field. Summing a
 * buffer that already holds a correct checksum gives 0. */
guint16
cord_frame_inet_checksum (const guint8 *data,
                          gsize         len)
{
  g_return_val_if_fail (data != NULL || len == 0, 0);

  return sum_finish (sum_bytes (0, data, len));
}

/* UDP's sum over the pseudo-header and the datagram (RFC 768). */
static guint16
udp_checksum (guint32       src,
              guint32       dst,
              const guint8 *udp,
              gsize         udp_len)
{
  guint8 pseudo[12];

  g_assert (udp != NULL);
  g_assert (udp_len <= G_MAXUINT16);

  put32 (pseudo, src);
  put32 (pseudo + 4, dst);
  pseudo[8] = 0;
  pseudo[9] = CORD_FRAME_IPPROTO_UDP;
  put16 (pseudo + 10, (guint16) udp_len);
  return sum_finish (sum_bytes (sum_bytes (0, pseudo, sizeof pseudo), udp, udp_len));
}

/* ---- Frame buffers ------------------------------------------------------ */

/* Zero-filled, so padding up to CORD_FRAME_MIN_LEN is zeros as a NIC sends. */
CordFrame *
cord_frame_new (gsize len)
{
  CordFrame *frame;

  g_return_val_if_fail (len <= CORD_FRAME_MAX_LEN, NULL);

  frame = g_malloc0 (sizeof (CordFrame) + len);
  g_atomic_ref_count_init (&frame->ref_count);
  frame->len = len;
  return frame;
}

CordFrame *
cord_frame_new_copy (const guint8 *data,
                     gsize         len)
{
  CordFrame *frame;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (len <= CORD_FRAME_MAX_LEN, NULL);

  frame = cord_frame_new (len);
  if (len > 0)
    memcpy (frame->data, data, len);
  return frame;
}

CordFrame *
cord_frame_ref (CordFrame *frame)
{
  g_return_val_if_fail (frame != NULL, NULL);

  g_atomic_ref_count_inc (&frame->ref_count);
  return frame;
}

void
cord_frame_unref (CordFrame *frame)
{
  g_return_if_fail (frame != NULL);

  if (g_atomic_ref_count_dec (&frame->ref_count))
    g_free (frame);
}

/* ---- Builders ----------------------------------------------------------- */

static gboolean
vid_ok (guint16 vid)
{
  return vid == CORD_FRAME_VID_NONE ||
         (vid >= CORD_FRAME_VID_MIN && vid <= CORD_FRAME_VID_MAX);
}

/* Allocates a frame with room for @payload_len bytes after an Ethernet
 * header (tagged when @vid is set), padded to the minimum, and writes the
 * header. *payload receives where the caller writes next. */
static CordFrame *
alloc_ethernet (const CordMac *dst,
                const CordMac *src,
                guint16        vid,
                guint16        ethertype,
                gsize          payload_len,
                guint8       **payload)
{
  gsize hlen = vid != CORD_FRAME_VID_NONE ? CORD_FRAME_ETH_HLEN + CORD_FRAME_VLAN_HLEN
                                          : CORD_FRAME_ETH_HLEN;
  CordFrame *frame;
  guint8 *p;

  g_assert (dst != NULL && src != NULL && payload != NULL);
  g_assert (vid_ok (vid));
  g_assert (payload_len <= CORD_FRAME_MTU);

  frame = cord_frame_new (MAX (hlen + payload_len, CORD_FRAME_MIN_LEN));
  p = frame->data;
  memcpy (p, dst->b, 6);
  memcpy (p + 6, src->b, 6);
  p += 12;
  if (vid != CORD_FRAME_VID_NONE)
    {
      put16 (p, CORD_FRAME_ETHERTYPE_VLAN);
      put16 (p + 2, vid);     /* PCP 0, DEI 0 */
      p += 4;
    }
  put16 (p, ethertype);
  *payload = p + 2;
  return frame;
}

CordFrame *
cord_frame_build_ethernet (const CordMac *dst,
                           const CordMac *src,
                           guint16        vid,
                           guint16        ethertype,
                           const guint8  *payload,
                           gsize          payload_len)
{
  CordFrame *frame;
  guint8 *p;

  g_return_val_if_fail (dst != NULL, NULL);
  g_return_val_if_fail (src != NULL, NULL);
  g_return_val_if_fail (vid_ok (vid), NULL);
  g_return_val_if_fail (payload != NULL || payload_len == 0, NULL);
  g_return_val_if_fail (payload_len <= CORD_FRAME_MTU, NULL);

  frame = alloc_ethernet (dst, src, vid, ethertype, payload_len, &p);
  if (payload_len > 0)
    memcpy (p, payload, payload_len);
  return frame;
}

CordFrame *
cord_frame_build_arp (const CordMac *eth_dst,
                      const CordMac *eth_src,
                      guint16        vid,
                      guint16        op,
                      const CordMac *sha,
                      guint32        spa,
                      const CordMac *tha,
                      guint32        tpa)
{
  CordFrame *frame;
  guint8 *p;

  g_return_val_if_fail (eth_dst != NULL, NULL);
  g_return_val_if_fail (eth_src != NULL, NULL);
  g_return_val_if_fail (vid_ok (vid), NULL);
  g_return_val_if_fail (sha != NULL, NULL);
  g_return_val_if_fail (tha != NULL, NULL);

  frame = alloc_ethernet (eth_dst, eth_src, vid, CORD_FRAME_ETHERTYPE_ARP, 28, &p);
  put16 (p, 1);                         /* hardware: Ethernet */
  put16 (p + 2, CORD_FRAME_ETHERTYPE_IPV4);
  p[4] = 6;
  p[5] = 4;
  put16 (p + 6, op);
  memcpy (p + 8, sha->b, 6);
  put32 (p + 14, spa);
  memcpy (p + 18, tha->b, 6);
  put32 (p + 24, tpa);
  return frame;
}

/* The target hardware address is zero in a request, as hosts send it. */
CordFrame *
cord_frame_build_arp_request (const CordMac *src,
                              guint16        vid,
                              guint32        sender_ip,
                              guint32        target_ip)
{
  g_return_val_if_fail (src != NULL, NULL);
  g_return_val_if_fail (vid_ok (vid), NULL);

  return cord_frame_build_arp (&cord_frame_mac_broadcast, src, vid,
                               CORD_FRAME_ARP_REQUEST,
                               src, sender_ip, &cord_frame_mac_zero, target_ip);
}

/* @src answers @dst: sender fields are @src's, target fields @dst's. */
CordFrame *
cord_frame_build_arp_reply (const CordMac *src,
                            const CordMac *dst,
                            guint16        vid,
                            guint32        sender_ip,
                            guint32        target_ip)
{
  g_return_val_if_fail (src != NULL, NULL);
  g_return_val_if_fail (dst != NULL, NULL);
  g_return_val_if_fail (vid_ok (vid), NULL);

  return cord_frame_build_arp (dst, src, vid, CORD_FRAME_ARP_REPLY,
                               src, sender_ip, dst, target_ip);
}

/* Writes Ethernet and IPv4 headers (checksum included) for an @l4_len byte
 * payload; *l4 receives where the payload goes. */
static CordFrame *
alloc_ipv4 (const CordFrameIpv4Params *ip,
            guint8                     protocol,
            gsize                      l4_len,
            guint8                   **l4)
{
  CordFrame *frame;
  guint8 *h;

  g_assert (ip != NULL && l4 != NULL);
  g_assert (l4_len <= CORD_FRAME_MTU - CORD_FRAME_IPV4_HLEN);

  frame = alloc_ethernet (&ip->dst_mac, &ip->src_mac, ip->vid,
                          CORD_FRAME_ETHERTYPE_IPV4,
                          CORD_FRAME_IPV4_HLEN + l4_len, &h);
  h[0] = 0x45;                          /* version 4, IHL 5: no options */
  h[1] = ip->tos;
  put16 (h + 2, (guint16) (CORD_FRAME_IPV4_HLEN + l4_len));
  put16 (h + 4, ip->id);
  put16 (h + 6, ip->dont_fragment ? 0x4000 : 0);
  h[8] = ip->ttl;
  h[9] = protocol;
  put32 (h + 12, ip->src);
  put32 (h + 16, ip->dst);
  put16 (h + 10, cord_frame_inet_checksum (h, CORD_FRAME_IPV4_HLEN));
  *l4 = h + CORD_FRAME_IPV4_HLEN;
  return frame;
}

CordFrame *
cord_frame_build_ipv4 (const CordFrameIpv4Params *ip,
                       guint8                     protocol,
                       const guint8              *payload,
                       gsize                      payload_len)
{
  CordFrame *frame;
  guint8 *p;

  g_return_val_if_fail (ip != NULL, NULL);
  g_return_val_if_fail (vid_ok (ip->vid), NULL);
  g_return_val_if_fail (payload != NULL || payload_len == 0, NULL);
  g_return_val_if_fail (payload_len <= CORD_FRAME_MTU - CORD_FRAME_IPV4_HLEN, NULL);

  frame = alloc_ipv4 (ip, protocol, payload_len, &p);
  if (payload_len > 0)
    memcpy (p, payload, payload_len);
  return frame;
}

/* Every ICMP message here is an 8-byte header (type, code, checksum and
 * four bytes whose meaning depends on the type) followed by data. */
static CordFrame *
build_icmp (const CordFrameIpv4Params *ip,
            guint8                     type,
            guint8                     code,
            guint16                    rest_hi,
            guint16                    rest_lo,
            const guint8              *data,
            gsize                      data_len)
{
  CordFrame *frame;
  guint8 *p;

  g_assert (ip != NULL);
  g_assert (data != NULL || data_len == 0);
  g_assert (data_len <= CORD_FRAME_MTU - CORD_FRAME_IPV4_HLEN - CORD_FRAME_ICMP_HLEN);

  frame = alloc_ipv4 (ip, CORD_FRAME_IPPROTO_ICMP, CORD_FRAME_ICMP_HLEN + data_len, &p);
  p[0] = type;
  p[1] = code;
  put16 (p + 4, rest_hi);
  put16 (p + 6, rest_lo);
  if (data_len > 0)
    memcpy (p + CORD_FRAME_ICMP_HLEN, data, data_len);
  put16 (p + 2, cord_frame_inet_checksum (p, CORD_FRAME_ICMP_HLEN + data_len));
  return frame;
}

CordFrame *
cord_frame_build_icmp_echo_request (const CordFrameIpv4Params *ip,
                                    guint16                    id,
                                    guint16                    seq,
                                    const guint8              *data,
                                    gsize                      data_len)
{
  g_return_val_if_fail (ip != NULL, NULL);
  g_return_val_if_fail (vid_ok (ip->vid), NULL);
  g_return_val_if_fail (data != NULL || data_len == 0, NULL);
  g_return_val_if_fail (data_len <= CORD_FRAME_MTU - CORD_FRAME_IPV4_HLEN - CORD_FRAME_ICMP_HLEN, NULL);

  return build_icmp (ip, CORD_FRAME_ICMP_ECHO_REQUEST, 0, id, seq, data, data_len);
}

CordFrame *
cord_frame_build_icmp_echo_reply (const CordFrameIpv4Params *ip,
                                  guint16                    id,
                                  guint16                    seq,
                                  const guint8              *data,
                                  gsize                      data_len)
{
  g_return_val_if_fail (ip != NULL, NULL);
  g_return_val_if_fail (vid_ok (ip->vid), NULL);
  g_return_val_if_fail (data != NULL || data_len == 0, NULL);
  g_return_val_if_fail (data_len <= CORD_FRAME_MTU - CORD_FRAME_IPV4_HLEN - CORD_FRAME_ICMP_HLEN, NULL);

  return build_icmp (ip, CORD_FRAME_ICMP_ECHO_REPLY, 0, id, seq, data, data_len);
}

/* How many bytes of the offending datagram an error quotes: its header and
 * up to 8 bytes of payload, never past its total length, so Ethernet
 * padding after a short datagram is not quoted as if it were data. Returns
 * 0 when @orig_ip does not start with a usable IPv4 header. */
static gsize
quote_len (const guint8 *orig_ip,
           gsize         orig_len)
{
  gsize hlen, total, limit;

  g_assert (orig_ip != NULL);

  if (orig_len < CORD_FRAME_IPV4_HLEN || (orig_ip[0] >> 4) != 4)
    return 0;
  hlen = (gsize) (orig_ip[0] & 0x0f) * 4;
  if (hlen < CORD_FRAME_IPV4_HLEN || hlen > orig_len)
    return 0;
  total = get16 (orig_ip + 2);
  limit = total >= hlen && total < orig_len ? total : orig_len;
  return hlen + MIN (8, limit - hlen);
}

CordFrame *
cord_frame_build_icmp_dest_unreachable (const CordFrameIpv4Params *ip,
                                        guint8                     code,
                                        const guint8              *orig_ip,
                                        gsize                      orig_len)
{
  gsize n;

  g_return_val_if_fail (ip != NULL, NULL);
  g_return_val_if_fail (vid_ok (ip->vid), NULL);
  g_return_val_if_fail (code <= CORD_FRAME_UNREACH_MAX_CODE, NULL);
  g_return_val_if_fail (orig_ip != NULL, NULL);
  n = quote_len (orig_ip, orig_len);
  g_return_val_if_fail (n > 0, NULL);

  /* The second 32-bit word is unused (zero); RFC 1191's next-hop MTU for
   * code 4 is not modelled. */
  return build_icmp (ip, CORD_FRAME_ICMP_DEST_UNREACHABLE, code, 0, 0, orig_ip, n);
}

CordFrame *
cord_frame_build_icmp_time_exceeded (const CordFrameIpv4Params *ip,
                                     guint8                     code,
                                     const guint8              *orig_ip,
                                     gsize                      orig_len)
{
  gsize n;

  g_return_val_if_fail (ip != NULL, NULL);
  g_return_val_if_fail (vid_ok (ip->vid), NULL);
  g_return_val_if_fail (code <= CORD_FRAME_TIME_EXCEEDED_REASSEMBLY, NULL);
  g_return_val_if_fail (orig_ip != NULL, NULL);
  n = quote_len (orig_ip, orig_len);
  g_return_val_if_fail (n > 0, NULL);

  return build_icmp (ip, CORD_FRAME_ICMP_TIME_EXCEEDED, code, 0, 0, orig_ip, n);
}

CordFrame *
cord_frame_build_udp (const CordFrameIpv4Params *ip,
                      guint16                    src_port,
                      guint16                    dst_port,
                      const guint8              *payload,
                      gsize                      payload_len)
{
  CordFrame *frame;
  guint16 sum;
  gsize udp_len = CORD_FRAME_UDP_HLEN + payload_len;
  guint8 *p;

  g_return_val_if_fail (ip != NULL, NULL);
  g_return_val_if_fail (vid_ok (ip->vid), NULL);
  g_return_val_if_fail (payload != NULL || payload_len == 0, NULL);
  g_return_val_if_fail (payload_len <= CORD_FRAME_MTU - CORD_FRAME_IPV4_HLEN - CORD_FRAME_UDP_HLEN, NULL);

  frame = alloc_ipv4 (ip, CORD_FRAME_IPPROTO_UDP, udp_len, &p);
  put16 (p, src_port);
  put16 (p + 2, dst_port);
  put16 (p + 4, (guint16) udp_len);
  if (payload_len > 0)
    memcpy (p + CORD_FRAME_UDP_HLEN, payload, payload_len);
  sum = udp_checksum (ip->src, ip->dst, p, udp_len);
  /* 0 on the wire means "no checksum"; a computed 0 is sent as its other
   * ones'-complement form (RFC 768). */
  put16 (p + 6, sum == 0 ? 0xffff : sum);
  return frame;
}

/* ---- 802.1Q ------------------------------------------------------------- */

CordFrame *
cord_frame_add_vlan_tag (const CordFrame *frame,
                         guint16          vid)
{
  CordFrame *out;

  g_return_val_if_fail (frame != NULL, NULL);
  g_return_val_if_fail (vid >= CORD_FRAME_VID_MIN && vid <= CORD_FRAME_VID_MAX, NULL);
  g_return_val_if_fail (frame->len >= CORD_FRAME_ETH_HLEN, NULL);
  g_return_val_if_fail (get16 (frame->data + 12) != CORD_FRAME_ETHERTYPE_VLAN, NULL);
  g_return_val_if_fail (frame->len + CORD_FRAME_VLAN_HLEN <= CORD_FRAME_MAX_LEN, NULL);

  /* The padding stays: a tagged frame is simply 4 bytes longer. */
  out = cord_frame_new (frame->len + CORD_FRAME_VLAN_HLEN);
  memcpy (out->data, frame->data, 12);
  put16 (out->data + 12, CORD_FRAME_ETHERTYPE_VLAN);
  put16 (out->data + 14, vid);
  memcpy (out->data + 16, frame->data + 12, frame->len - 12);
  return out;
}

CordFrame *
cord_frame_remove_vlan_tag (const CordFrame *frame)
{
  CordFrame *out;
  gsize n;

  g_return_val_if_fail (frame != NULL, NULL);
  g_return_val_if_fail (frame->len >= CORD_FRAME_ETH_HLEN + CORD_FRAME_VLAN_HLEN, NULL);
  g_return_val_if_fail (get16 (frame->data + 12) == CORD_FRAME_ETHERTYPE_VLAN, NULL);

  /* A minimum-size tagged frame would become a runt; a switch pads it
   * back to 60 bytes of zeros, and so do we. */
  n = frame->len - CORD_FRAME_VLAN_HLEN;
  out = cord_frame_new (MAX (n, CORD_FRAME_MIN_LEN));
  memcpy (out->data, frame->data, 12);
  memcpy (out->data + 12, frame->data + 16, frame->len - 16);
  return out;
}

/* ---- Parser ------------------------------------------------------------- */

/* Every reader below checks a length before it touches a byte: the parser
 * sees frames from files and, later, from users' scripts. */

static void
parse_icmp_quote (const guint8  *frame,
                  gsize          off,
                  gsize          len,
                  CordFrameInfo *info)
{
  const guint8 *q = frame + off;
  gsize hlen, rest;

  g_assert (frame != NULL && info != NULL);

  if (len < CORD_FRAME_IPV4_HLEN || (q[0] >> 4) != 4)
    return;
  hlen = (gsize) (q[0] & 0x0f) * 4;
  if (hlen < CORD_FRAME_IPV4_HLEN || hlen > len)
    return;

  info->icmp.quote.valid = TRUE;
  info->icmp.quote.offset = off;
  info->icmp.quote.len = len;
  info->icmp.quote.ip_id = get16 (q + 4);
  info->icmp.quote.protocol = q[9];
  info->icmp.quote.src = get32 (q + 12);
  info->icmp.quote.dst = get32 (q + 16);

  rest = len - hlen;
  if (rest < 8)
    return;
  q += hlen;
  info->icmp.quote.has_l4 = TRUE;
  switch (info->icmp.quote.protocol)
    {
    case CORD_FRAME_IPPROTO_UDP:
      info->icmp.quote.src_port = get16 (q);
      info->icmp.quote.dst_port = get16 (q + 2);
      break;
    case CORD_FRAME_IPPROTO_ICMP:
      info->icmp.quote.icmp_type = q[0];
      info->icmp.quote.icmp_id = get16 (q + 4);
      info->icmp.quote.icmp_seq = get16 (q + 6);
      break;
    default:
      break;
    }
}

static gboolean
parse_icmp (const guint8  *frame,
            gsize          off,
            gsize          len,
            CordFrameInfo *info)
{
  const guint8 *p = frame + off;

  g_assert (frame != NULL && info != NULL);

  if (len < CORD_FRAME_ICMP_HLEN)
    return FALSE;

  info->has_icmp = TRUE;
  info->icmp.type = p[0];
  info->icmp.code = p[1];
  info->icmp.checksum_ok = cord_frame_inet_checksum (p, len) == 0;
  info->payload_offset = off + CORD_FRAME_ICMP_HLEN;
  info->payload_len = len - CORD_FRAME_ICMP_HLEN;

  switch (info->icmp.type)
    {
    case CORD_FRAME_ICMP_ECHO_REQUEST:
    case CORD_FRAME_ICMP_ECHO_REPLY:
      info->icmp.id = get16 (p + 4);
      info->icmp.seq = get16 (p + 6);
      break;
    case CORD_FRAME_ICMP_DEST_UNREACHABLE:
    case CORD_FRAME_ICMP_TIME_EXCEEDED:
    case 4:     /* source quench */
    case 5:     /* redirect */
    case 12:    /* parameter problem */
      parse_icmp_quote (frame, off + CORD_FRAME_ICMP_HLEN,
                        len - CORD_FRAME_ICMP_HLEN, info);
      break;
    default:
      break;
    }
  return TRUE;
}

static gboolean
parse_udp (const guint8  *frame,
           gsize          off,
           gsize          len,
           CordFrameInfo *info)
{
  const guint8 *p = frame + off;
  guint16 ulen;

  g_assert (frame != NULL && info != NULL);

  if (len < CORD_FRAME_UDP_HLEN)
    return FALSE;
  ulen = get16 (p + 4);
  if (ulen < CORD_FRAME_UDP_HLEN || ulen > len)
    return FALSE;

  info->has_udp = TRUE;
  info->udp.src_port = get16 (p);
  info->udp.dst_port = get16 (p + 2);
  info->udp.length = ulen;
  info->udp.checksum_present = get16 (p + 6) != 0;
  info->udp.checksum_ok = !info->udp.checksum_present ||
                          udp_checksum (info->ipv4.src, info->ipv4.dst, p, ulen) == 0;
  info->payload_offset = off + CORD_FRAME_UDP_HLEN;
  info->payload_len = ulen - CORD_FRAME_UDP_HLEN;
  return TRUE;
}

static gboolean
parse_ipv4 (const guint8  *frame,
            gsize          off,
            gsize          len,
            CordFrameInfo *info)
{
  const guint8 *p = frame + off;
  gsize hlen;
  guint16 total, flags;

  g_assert (frame != NULL && info != NULL);

  if (len < CORD_FRAME_IPV4_HLEN || (p[0] >> 4) != 4)
    return FALSE;
  hlen = (gsize) (p[0] & 0x0f) * 4;
  total = get16 (p + 2);
  /* Shorter than the frame is fine (Ethernet padding); longer means the
   * frame was cut. */
  if (hlen < CORD_FRAME_IPV4_HLEN || hlen > len || total < hlen || total > len)
    return FALSE;

  flags = get16 (p + 6);
  info->has_ipv4 = TRUE;
  info->ipv4.tos = p[1];
  info->ipv4.ihl = p[0] & 0x0f;
  info->ipv4.total_len = total;
  info->ipv4.id = get16 (p + 4);
  info->ipv4.dont_fragment = (flags & 0x4000) != 0;
  info->ipv4.more_fragments = (flags & 0x2000) != 0;
  info->ipv4.frag_offset = (guint16) ((flags & 0x1fff) * 8);
  info->ipv4.ttl = p[8];
  info->ipv4.protocol = p[9];
  info->ipv4.src = get32 (p + 12);
  info->ipv4.dst = get32 (p + 16);
  info->ipv4.l4_offset = off + hlen;
  info->ipv4.l4_len = total - hlen;
  info->payload_offset = off + hlen;
  info->payload_len = total - hlen;
  /* Filled in before failing so a packet list can show why it failed. */
  info->ipv4.checksum_ok = cord_frame_inet_checksum (p, hlen) == 0;
  if (!info->ipv4.checksum_ok)
    return FALSE;

  /* A fragment's transport header is either absent or describes the whole
   * datagram, so neither can be checked from this frame alone. */
  if (info->ipv4.more_fragments || info->ipv4.frag_offset != 0)
    return TRUE;

  switch (info->ipv4.protocol)
    {
    case CORD_FRAME_IPPROTO_ICMP:
      return parse_icmp (frame, off + hlen, total - hlen, info);
    case CORD_FRAME_IPPROTO_UDP:
      return parse_udp (frame, off + hlen, total - hlen, info);
    default:
      return TRUE;
    }
}

static gboolean
parse_arp (const guint8  *frame,
           gsize          off,
           gsize          len,
           CordFrameInfo *info)
{
  const guint8 *p = frame + off;

  g_assert (frame != NULL && info != NULL);

  if (len < 8)
    return FALSE;
  /* Only Ethernet/IPv4 ARP is understood; anything else is left opaque. */
  if (get16 (p) != 1 || get16 (p + 2) != CORD_FRAME_ETHERTYPE_IPV4 ||
      p[4] != 6 || p[5] != 4)
    return TRUE;
  if (len < 28)
    return FALSE;

  info->has_arp = TRUE;
  info->arp.op = get16 (p + 6);
  memcpy (info->arp.sha.b, p + 8, 6);
  info->arp.spa = get32 (p + 14);
  memcpy (info->arp.tha.b, p + 18, 6);
  info->arp.tpa = get32 (p + 24);
  info->payload_offset = off + 28;
  info->payload_len = 0;
  return TRUE;
}

/* Decodes every layer it understands. Returns FALSE for malformed input;
 * @info then still holds what was decoded before the fault (for example
 * ipv4.checksum_ok = FALSE). Untagged frames longer than 1514 bytes are
 * refused as giants, as a switch port counts them. */
gboolean
cord_frame_parse (const guint8  *data,
                  gsize          len,
                  CordFrameInfo *info)
{
  guint16 ethertype;
  gsize off = CORD_FRAME_ETH_HLEN;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  memset (info, 0, sizeof *info);
  if (len < CORD_FRAME_ETH_HLEN || len > CORD_FRAME_MAX_LEN)
    return FALSE;

  memcpy (info->dst.b, data, 6);
  memcpy (info->src.b, data + 6, 6);
  ethertype = get16 (data + 12);
  if (ethertype == CORD_FRAME_ETHERTYPE_VLAN)
    {
      guint16 tci;

      if (len < CORD_FRAME_ETH_HLEN + CORD_FRAME_VLAN_HLEN)
        return FALSE;
      tci = get16 (data + 14);
      info->has_vlan = TRUE;
      info->pcp = (guint8) (tci >> 13);
      info->vid = tci & 0x0fff;
      ethertype = get16 (data + 16);
      off += CORD_FRAME_VLAN_HLEN;
    }
  else if (len > CORD_FRAME_MAX_UNTAGGED_LEN)
    return FALSE;

  info->ethertype = ethertype;
  info->l3_offset = off;
  info->payload_offset = off;
  info->payload_len = len - off;

  switch (ethertype)
    {
    case CORD_FRAME_ETHERTYPE_IPV4:
      return parse_ipv4 (data, off, len - off, info);
    case CORD_FRAME_ETHERTYPE_ARP:
      return parse_arp (data, off, len - off, info);
    default:
      return TRUE;
    }
}
