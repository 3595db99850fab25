/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Real Ethernet/ARP/IPv4/ICMP/UDP wire frames: addresses, builders, a parser and checksums. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Frames are stored as pcap LINKTYPE_ETHERNET stores them: without the FCS.
 * The largest is a tagged frame carrying a full 1500-byte MTU. */
#define CORD_FRAME_ETH_HLEN          14u
#define CORD_FRAME_VLAN_HLEN         4u
#define CORD_FRAME_MTU               1500u
#define CORD_FRAME_MAX_LEN           1518u   /* 14 + 4 + 1500 */
#define CORD_FRAME_MAX_UNTAGGED_LEN  1514u   /* 14 + 1500 */
/* 64 bytes on the wire less the 4-byte FCS; builders pad up to this. */
#define CORD_FRAME_MIN_LEN           60u

#define CORD_FRAME_ETHERTYPE_IPV4    0x0800u
#define CORD_FRAME_ETHERTYPE_ARP     0x0806u
#define CORD_FRAME_ETHERTYPE_VLAN    0x8100u

/* VID 0 means "untagged" to the builders; 4095 is reserved by 802.1Q. */
#define CORD_FRAME_VID_NONE          0u
#define CORD_FRAME_VID_MIN           1u
#define CORD_FRAME_VID_MAX           4094u

#define CORD_FRAME_ARP_REQUEST       1u
#define CORD_FRAME_ARP_REPLY         2u

#define CORD_FRAME_IPV4_HLEN         20u
#define CORD_FRAME_IPPROTO_ICMP      1u
#define CORD_FRAME_IPPROTO_UDP       17u

#define CORD_FRAME_ICMP_HLEN         8u
#define CORD_FRAME_ICMP_ECHO_REPLY       0u
#define CORD_FRAME_ICMP_DEST_UNREACHABLE 3u
#define CORD_FRAME_ICMP_ECHO_REQUEST     8u
#define CORD_FRAME_ICMP_TIME_EXCEEDED    11u

/* Destination unreachable codes (RFC 792, RFC 1812). */
#define CORD_FRAME_UNREACH_NET          0u
#define CORD_FRAME_UNREACH_HOST         1u
#define CORD_FRAME_UNREACH_PROTOCOL     2u
#define CORD_FRAME_UNREACH_PORT         3u
#define CORD_FRAME_UNREACH_FRAG_NEEDED  4u
#define CORD_FRAME_UNREACH_ADMIN        13u
#define CORD_FRAME_UNREACH_MAX_CODE     15u

/* Time exceeded codes. */
#define CORD_FRAME_TIME_EXCEEDED_TTL        0u
#define CORD_FRAME_TIME_EXCEEDED_REASSEMBLY 1u

#define CORD_FRAME_UDP_HLEN          8u

/* Buffer sizes, NUL included: "0001.4200.0a01" and "00:01:42:00:0a:01"
 * both fit the MAC one; "255.255.255.255" fits the IPv4 one. */
#define CORD_FRAME_MAC_STRLEN        18u
#define CORD_FRAME_IPV4_STRLEN       16u

typedef struct {
  guint8 b[6];
} CordMac;

extern const CordMac cord_frame_mac_broadcast;
extern const CordMac cord_frame_mac_zero;

const char *cord_frame_mac_to_ios      (const CordMac *mac,
                                        char           buf[CORD_FRAME_MAC_STRLEN]);
const char *cord_frame_mac_to_colon    (const CordMac *mac,
                                        char           buf[CORD_FRAME_MAC_STRLEN]);
gboolean    cord_frame_mac_parse       (const char    *str,
                                        CordMac       *mac);
gboolean    cord_frame_mac_equal       (const CordMac *a,
                                        const CordMac *b);
gboolean    cord_frame_mac_is_broadcast (const CordMac *mac);
gboolean    cord_frame_mac_is_multicast (const CordMac *mac);

/* IPv4 addresses are guint32 in host byte order: 10.0.0.1 is 0x0a000001. */
const char *cord_frame_ipv4_to_string  (guint32        addr,
                                        char           buf[CORD_FRAME_IPV4_STRLEN]);
gboolean    cord_frame_ipv4_parse      (const char    *str,
                                        guint32       *addr);

guint16     cord_frame_inet_checksum   (const guint8  *data,
                                        gsize          len);

/* One allocation holding the count, the length and the bytes, so the
 * forwarding path can hand the same frame across many hops by reference.
 * Treat the bytes as read-only once a second reference exists. */
typedef struct {
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  gsize           len;
  guint8          data[];
} CordFrame;

CordFrame  *cord_frame_new             (gsize          len);
CordFrame  *cord_frame_new_copy        (const guint8  *data,
                                        gsize          len);
CordFrame  *cord_frame_ref             (CordFrame     *frame);
void        cord_frame_unref           (CordFrame     *frame);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordFrame, cord_frame_unref)

/* Everything below the transport header that the IPv4 builders need. */
typedef struct {
  CordMac  dst_mac;
  CordMac  src_mac;
  guint16  vid;            /* CORD_FRAME_VID_NONE, or 1..4094 */
  guint32  src;            /* host byte order */
  guint32  dst;
  guint8   ttl;
  guint8   tos;
  guint16  id;
  gboolean dont_fragment;
} CordFrameIpv4Params;

CordFrame  *cord_frame_build_ethernet  (const CordMac *dst,
                                        const CordMac *src,
                                        guint16        vid,
                                        guint16        ethertype,
                                        const guint8  *payload,
                                        gsize          payload_len);
CordFrame  *cord_frame_build_arp       (const CordMac *eth_dst,
                                        const CordMac *eth_src,
                                        guint16        vid,
                                        guint16        op,
                                        const CordMac *sha,
                                        guint32        spa,
                                        const CordMac *tha,
                                        guint32        tpa);
CordFrame  *cord_frame_build_arp_request (const CordMac *src,
                                          guint16        vid,
                                          guint32        sender_ip,
                                          guint32        target_ip);
CordFrame  *cord_frame_build_arp_reply (const CordMac *src,
                                        const CordMac *dst,
                                        guint16        vid,
                                        guint32        sender_ip,
                                        guint32        target_ip);
CordFrame  *cord_frame_build_ipv4      (const CordFrameIpv4Params *ip,
                                        guint8         protocol,
                                        const guint8  *payload,
                                        gsize          payload_len);
CordFrame  *cord_frame_build_icmp_echo_request (const CordFrameIpv4Params *ip,
                                                guint16        id,
                                                guint16        seq,
                                                const guint8  *data,
                                                gsize          data_len);
CordFrame  *cord_frame_build_icmp_echo_reply   (const CordFrameIpv4Params *ip,
                                                guint16        id,
                                                guint16        seq,
                                                const guint8  *data,
                                                gsize          data_len);
/* @orig_ip points at the IPv4 header of the offending datagram and
 * @orig_len counts the bytes available from there; the message quotes the
 * header and the first 8 bytes of its payload (RFC 792). */
CordFrame  *cord_frame_build_icmp_dest_unreachable (const CordFrameIpv4Params *ip,
                                                    guint8         code,
                                                    const guint8  *orig_ip,
                                                    gsize          orig_len);
CordFrame  *cord_frame_build_icmp_time_exceeded    (const CordFrameIpv4Params *ip,
                                                    guint8         code,
                                                    const guint8  *orig_ip,
                                                    gsize          orig_len);
CordFrame  *cord_frame_build_udp       (const CordFrameIpv4Params *ip,
                                        guint16        src_port,
                                        guint16        dst_port,
                                        const guint8  *payload,
                                        gsize          payload_len);

/* What a trunk port does: both return a new frame and leave @frame alone. */
CordFrame  *cord_frame_add_vlan_tag    (const CordFrame *frame,
                                        guint16          vid);
CordFrame  *cord_frame_remove_vlan_tag (const CordFrame *frame);

/* The parse result. Offsets count from the first byte of the frame.
 * has_* says which layers were decoded; the sub-structs of the others are
 * zero. */
typedef struct {
  CordMac  dst;
  CordMac  src;
  gboolean has_vlan;
  guint16  vid;
  guint8   pcp;
  guint16  ethertype;          /* after the tag, if any */
  gsize    l3_offset;          /* start of the Ethernet payload */

  /* The data the innermost decoded layer carries: UDP data, ICMP data,
   * an unknown IP protocol's bytes, or an unknown ethertype's bytes. */
  gsize    payload_offset;
  gsize    payload_len;

  gboolean has_arp;
  struct {
    guint16 op;
    CordMac sha;
    guint32 spa;
    CordMac tha;
    guint32 tpa;
  } arp;

  gboolean has_ipv4;
  struct {
    guint32  src;
    guint32  dst;
    guint8   tos;
    guint8   ttl;
    guint8   protocol;
    guint8   ihl;              /* in 32-bit words, as in the header */
    guint16  total_len;
    guint16  id;
    gboolean dont_fragment;
    gboolean more_fragments;
    guint16  frag_offset;      /* in bytes */
    gboolean checksum_ok;
    gsize    l4_offset;        /* start of the IPv4 payload */
    gsize    l4_len;           /* total_len minus the header */
  } ipv4;

  gboolean has_icmp;
  struct {
    guint8   type;
    guint8   code;
    guint16  id;               /* echo request/reply only */
    guint16  seq;
    gboolean checksum_ok;
    /* Errors (unreachable, time exceeded, ...) quote the offending
     * datagram; these fields decode that quote so a sender can match the
     * error to its probe (traceroute, ping). */
    struct {
      gboolean valid;          /* a sane IPv4 header was quoted */
      gsize    offset;         /* of the quoted IPv4 header */
      gsize    len;
      guint32  src;
      guint32  dst;
      guint8   protocol;
      guint16  ip_id;
      gboolean has_l4;         /* its first 8 payload bytes are present */
      guint16  src_port;       /* quoted UDP */
      guint16  dst_port;
      guint8   icmp_type;      /* quoted ICMP */
      guint16  icmp_id;
      guint16  icmp_seq;
    } quote;
  } icmp;

  gboolean has_udp;
  struct {
    guint16  src_port;
    guint16  dst_port;
    guint16  length;
    gboolean checksum_present; /* FALSE when the sender sent 0 */
    gboolean checksum_ok;      /* TRUE when absent: nothing is wrong */
  } udp;
} CordFrameInfo;

gboolean    cord_frame_parse           (const guint8  *data,
                                        gsize          len,
                                        CordFrameInfo *info);

G_END_DECLS
