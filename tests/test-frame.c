/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for frame.c against hand-computed wire bytes and malformed input. */
#include <check.h>
#include <string.h>

#include "frame.h"

#define IP(a, b, c, d) (((guint32) (a) << 24) | ((guint32) (b) << 16) | \
                        ((guint32) (c) << 8) | (guint32) (d))

static const CordMac mac_a = { { 0x00, 0x01, 0x42, 0x00, 0x0a, 0x01 } };
static const CordMac mac_b = { { 0x00, 0x01, 0x42, 0x00, 0x0a, 0x02 } };

static CordFrameIpv4Params
params_a_to_b (guint16 id)
{
  CordFrameIpv4Params p = {
    .dst_mac = mac_b,
    .src_mac = mac_a,
    .vid = CORD_FRAME_VID_NONE,
    .src = IP (10, 0, 0, 1),
    .dst = IP (10, 0, 0, 2),
    .ttl = 64,
    .id = id,
  };
  return p;
}

/* Parses a private copy of exactly @len bytes, so ASan and valgrind see
 * any read past the end. */
static gboolean
parse_exact (const guint8  *data,
             gsize          len,
             CordFrameInfo *info)
{
  g_autofree guint8 *copy = g_malloc (len > 0 ? len : 1);

  if (len > 0)
    memcpy (copy, data, len);
  return cord_frame_parse (len > 0 ? copy : NULL, len, info);
}

/* ---- Addresses ---------------------------------------------------------- */

START_TEST (test_mac_format)
{
  const CordMac m = { { 0x00, 0x01, 0x42, 0x00, 0x0a, 0x01 } };
  const CordMac hi = { { 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54 } };
  char buf[CORD_FRAME_MAC_STRLEN];

  ck_assert_str_eq (cord_frame_mac_to_ios (&m, buf), "0001.4200.0a01");
  ck_assert_str_eq (cord_frame_mac_to_colon (&m, buf), "00:01:42:00:0a:01");
  ck_assert_str_eq (cord_frame_mac_to_ios (&hi, buf), "fedc.ba98.7654");
  ck_assert_str_eq (cord_frame_mac_to_colon (&hi, buf), "fe:dc:ba:98:76:54");
  ck_assert_str_eq (cord_frame_mac_to_colon (&cord_frame_mac_broadcast, buf),
                    "ff:ff:ff:ff:ff:ff");
}
END_TEST

START_TEST (test_mac_parse)
{
  static const char *const bad[] = {
    "", "0001.4200.0a0", "0001.4200.0a011", "0001-4200-0a01", "0001.4200:0a01",
    "000g.4200.0a01", " 0001.4200.0a01", "0001.4200.0a01 ", "00:01:42:00:0a",
    "00:01:42:00:0a:1", "00:01:42:00:0a:011", "00-01-42-00-0a-01",
    "00:01:42:00:0a:0x", "0:01:42:00:0a:01:", "00:01:42:00:0a:01\n",
    "00::1:42:00:0a:01", "+001.4200.0a01",
  };
  const CordMac want = { { 0x00, 0x01, 0x42, 0x00, 0x0a, 0x01 } };
  CordMac m, before;
  char buf[CORD_FRAME_MAC_STRLEN];

  ck_assert (cord_frame_mac_parse ("0001.4200.0a01", &m));
  ck_assert_mem_eq (m.b, want.b, 6);
  ck_assert (cord_frame_mac_parse ("00:01:42:00:0A:01", &m));
  ck_assert_mem_eq (m.b, want.b, 6);
  ck_assert (cord_frame_mac_parse ("FFFF.ffff.FfFf", &m));
  ck_assert (cord_frame_mac_is_broadcast (&m));

  /* Round trips through both forms. */
  for (guint i = 0; i < 256; i++)
    {
      CordMac r = { { (guint8) i, (guint8) (i * 7), (guint8) (255 - i),
                      (guint8) (i ^ 0x5a), (guint8) (i * 13), (guint8) (i + 1) } };
      CordMac back;

      ck_assert (cord_frame_mac_parse (cord_frame_mac_to_ios (&r, buf), &back));
      ck_assert (cord_frame_mac_equal (&r, &back));
      ck_assert (cord_frame_mac_parse (cord_frame_mac_to_colon (&r, buf), &back));
      ck_assert (cord_frame_mac_equal (&r, &back));
    }

  before = want;
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      m = before;
      ck_assert_msg (!cord_frame_mac_parse (bad[i], &m), "accepted \"%s\"", bad[i]);
      /* A rejected string leaves the output alone. */
      ck_assert_mem_eq (m.b, before.b, 6);
    }
}
END_TEST

START_TEST (test_mac_kinds)
{
  const CordMac mcast = { { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 } };
  const CordMac stp = { { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x00 } };
  const CordMac local = { { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 } };

  ck_assert (cord_frame_mac_is_broadcast (&cord_frame_mac_broadcast));
  ck_assert (cord_frame_mac_is_multicast (&cord_frame_mac_broadcast));
  ck_assert (cord_frame_mac_is_multicast (&mcast));
  ck_assert (!cord_frame_mac_is_broadcast (&mcast));
  ck_assert (cord_frame_mac_is_multicast (&stp));
  ck_assert (!cord_frame_mac_is_multicast (&mac_a));
  ck_assert (!cord_frame_mac_is_multicast (&local));
  ck_assert (!cord_frame_mac_is_broadcast (&cord_frame_mac_zero));
  ck_assert (!cord_frame_mac_equal (&mac_a, &mac_b));
  ck_assert (cord_frame_mac_equal (&mac_a, &mac_a));
}
END_TEST

START_TEST (test_ipv4_format_parse)
{
  static const char *const bad[] = {
    "", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.256", "999.1.1.1", "1..2.3",
    ".1.2.3", "1.2.3.", "x1.2.3.4", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4x",
    "+1.2.3.4", "-1.2.3.4", "01.2.3.4", "1.2.3.04", "0x1.2.3.4", "1.2.3.0004",
    "1.2.3.4\n", "1,2,3,4", "4294967295", "1.2.3.1000",
  };
  char buf[CORD_FRAME_IPV4_STRLEN];
  guint32 a;

  ck_assert (cord_frame_ipv4_parse ("10.0.0.1", &a));
  ck_assert_uint_eq (a, 0x0a000001);
  ck_assert (cord_frame_ipv4_parse ("255.255.255.255", &a));
  ck_assert_uint_eq (a, 0xffffffff);
  ck_assert (cord_frame_ipv4_parse ("0.0.0.0", &a));
  ck_assert_uint_eq (a, 0);
  ck_assert (cord_frame_ipv4_parse ("192.168.100.254", &a));
  ck_assert_uint_eq (a, 0xc0a864fe);

  ck_assert_str_eq (cord_frame_ipv4_to_string (0x0a000001, buf), "10.0.0.1");
  ck_assert_str_eq (cord_frame_ipv4_to_string (0xffffffff, buf), "255.255.255.255");
  ck_assert_str_eq (cord_frame_ipv4_to_string (0, buf), "0.0.0.0");

  for (guint32 i = 0; i < 5000; i++)
    {
      guint32 v = i * 2654435761u;
      guint32 back = 0;

      ck_assert (cord_frame_ipv4_parse (cord_frame_ipv4_to_string (v, buf), &back));
      ck_assert_uint_eq (back, v);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      a = 0x12345678;
      ck_assert_msg (!cord_frame_ipv4_parse (bad[i], &a), "accepted \"%s\"", bad[i]);
      ck_assert_uint_eq (a, 0x12345678);
    }
}
END_TEST

/* ---- Checksums ---------------------------------------------------------- */

/* RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to 0x2ddf0, which
 * folds to 0xddf2; the checksum is its complement, 0x220d. */
START_TEST (test_checksum_rfc1071)
{
  const guint8 data[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };
  guint8 with_sum[10];
  const guint8 odd[] = { 0x01 };

  ck_assert_uint_eq (cord_frame_inet_checksum (data, sizeof data), 0x220d);

  /* Appending the checksum makes the whole sum to zero. */
  memcpy (with_sum, data, sizeof data);
  with_sum[8] = 0x22;
  with_sum[9] = 0x0d;
  ck_assert_uint_eq (cord_frame_inet_checksum (with_sum, sizeof with_sum), 0);

  /* An odd last byte is the high half of a word: ~0x0100. */
  ck_assert_uint_eq (cord_frame_inet_checksum (odd, 1), 0xfeff);
  ck_assert_uint_eq (cord_frame_inet_checksum (NULL, 0), 0xffff);
}
END_TEST

/* ---- Builders ----------------------------------------------------------- */

/* 00:01:42:00:00:01 at 10.0.0.2 asks who has 10.0.0.1. */
START_TEST (test_arp_request_bytes)
{
  static const guint8 want[60] = {
    /* Ethernet: broadcast, from 0001.4200.0001, type ARP */
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x01, 0x42, 0x00, 0x00, 0x01,
    0x08, 0x06,
    /* htype 1, ptype IPv4, hlen 6, plen 4, op request */
    0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01,
    /* sender 0001.4200.0001 10.0.0.2 */
    0x00, 0x01, 0x42, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02,
    /* target 0000.0000.0000 10.0.0.1 */
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x01,
    /* 18 bytes of padding to the 60-byte minimum */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  };
  const CordMac src = { { 0x00, 0x01, 0x42, 0x00, 0x00, 0x01 } };
  g_autoptr (CordFrame) f = cord_frame_build_arp_request (&src, CORD_FRAME_VID_NONE,
                                                          IP (10, 0, 0, 2),
                                                          IP (10, 0, 0, 1));
  CordFrameInfo info;

  ck_assert_ptr_nonnull (f);
  ck_assert_uint_eq (f->len, 60);
  ck_assert_mem_eq (f->data, want, 60);

  ck_assert (cord_frame_parse (f->data, f->len, &info));
  ck_assert (info.has_arp);
  ck_assert (!info.has_ipv4);
  ck_assert_uint_eq (info.ethertype, 0x0806);
  ck_assert_uint_eq (info.arp.op, CORD_FRAME_ARP_REQUEST);
  ck_assert_uint_eq (info.arp.spa, IP (10, 0, 0, 2));
  ck_assert_uint_eq (info.arp.tpa, IP (10, 0, 0, 1));
  ck_assert (cord_frame_mac_equal (&info.arp.sha, &src));
  ck_assert (cord_frame_mac_equal (&info.arp.tha, &cord_frame_mac_zero));
  ck_assert (cord_frame_mac_is_broadcast (&info.dst));
}
END_TEST

START_TEST (test_arp_reply)
{
  static const guint8 want_head[42] = {
    0x00, 0x01, 0x42, 0x00, 0x0a, 0x02, 0x00, 0x01, 0x42, 0x00, 0x0a, 0x01,
    0x08, 0x06,
    0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x02,
    0x00, 0x01, 0x42, 0x00, 0x0a, 0x01, 0x0a, 0x00, 0x00, 0x01,
    0x00, 0x01, 0x42, 0x00, 0x0a, 0x02, 0x0a, 0x00, 0x00, 0x02,
  };
  g_autoptr (CordFrame) f = cord_frame_build_arp_reply (&mac_a, &mac_b, CORD_FRAME_VID_NONE,
                                                        IP (10, 0, 0, 1), IP (10, 0, 0, 2));
  CordFrameInfo info;

  ck_assert_uint_eq (f->len, 60);
  ck_assert_mem_eq (f->data, want_head, sizeof want_head);
  for (gsize i = sizeof want_head; i < 60; i++)
    ck_assert_uint_eq (f->data[i], 0);
  ck_assert (cord_frame_parse (f->data, f->len, &info));
  ck_assert_uint_eq (info.arp.op, CORD_FRAME_ARP_REPLY);
  ck_assert (cord_frame_mac_equal (&info.arp.tha, &mac_b));
}
END_TEST

/* 10.0.0.1 pings 10.0.0.2: id 1, seq 1, data "abcd", TTL 64, IP id 1.
 *
 * IPv4 header words: 4500 0020 0001 0000 4001 [sum] 0a00 0001 0a00 0002
 *   0x4500 + 0x0020 + 0x0001 + 0x4001 + 0x0a00 + 0x0001 + 0x0a00 + 0x0002
 *   = 0x9925, no carry; checksum ~0x9925 = 0x66da.
 * ICMP words: 0800 [sum] 0001 0001 6162 6364
 *   0x0800 + 0x0001 + 0x0001 + 0x6162 + 0x6364 = 0xccc8; ~ = 0x3337. */
static const guint8 echo_vector[60] = {
  0x00, 0x01, 0x42, 0x00, 0x0a, 0x02, 0x00, 0x01, 0x42, 0x00, 0x0a, 0x01,
  0x08, 0x00,
  0x45, 0x00, 0x00, 0x20, 0x00, 0x01, 0x00, 0x00, 0x40, 0x01, 0x66, 0xda,
  0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02,
  0x08, 0x00, 0x33, 0x37, 0x00, 0x01, 0x00, 0x01, 0x61, 0x62, 0x63, 0x64,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

START_TEST (test_icmp_echo_bytes)
{
  CordFrameIpv4Params p = params_a_to_b (1);
  g_autoptr (CordFrame) f = cord_frame_build_icmp_echo_request (&p, 1, 1,
                                                                (const guint8 *) "abcd", 4);
  CordFrameInfo info;

  ck_assert_uint_eq (f->len, 60);
  ck_assert_uint_eq (f->data[24], 0x66);
  ck_assert_uint_eq (f->data[25], 0xda);
  ck_assert_uint_eq (f->data[36], 0x33);
  ck_assert_uint_eq (f->data[37], 0x37);
  ck_assert_mem_eq (f->data, echo_vector, 60);

  ck_assert (cord_frame_parse (f->data, f->len, &info));
  ck_assert (info.has_ipv4 && info.has_icmp && !info.has_udp && !info.has_arp);
  ck_assert (info.ipv4.checksum_ok);
  ck_assert (info.icmp.checksum_ok);
  ck_assert_uint_eq (info.ipv4.src, IP (10, 0, 0, 1));
  ck_assert_uint_eq (info.ipv4.dst, IP (10, 0, 0, 2));
  ck_assert_uint_eq (info.ipv4.ttl, 64);
  ck_assert_uint_eq (info.ipv4.protocol, 1);
  ck_assert_uint_eq (info.ipv4.ihl, 5);
  ck_assert_uint_eq (info.ipv4.total_len, 32);
  ck_assert_uint_eq (info.ipv4.id, 1);
  ck_assert (!info.ipv4.dont_fragment);
  ck_assert_uint_eq (info.ipv4.l4_offset, 34);
  ck_assert_uint_eq (info.ipv4.l4_len, 12);
  ck_assert_uint_eq (info.icmp.type, CORD_FRAME_ICMP_ECHO_REQUEST);
  ck_assert_uint_eq (info.icmp.code, 0);
  ck_assert_uint_eq (info.icmp.id, 1);
  ck_assert_uint_eq (info.icmp.seq, 1);
  ck_assert_uint_eq (info.payload_offset, 42);
  ck_assert_uint_eq (info.payload_len, 4);
  ck_assert_mem_eq (f->data + info.payload_offset, "abcd", 4);
  ck_assert (cord_frame_mac_equal (&info.dst, &mac_b));
  ck_assert (cord_frame_mac_equal (&info.src, &mac_a));
}
END_TEST

/* The reply differs in type (0) only, so its checksum is 0x3337 + 0x0800. */
START_TEST (test_icmp_echo_reply_and_df)
{
  CordFrameIpv4Params p = params_a_to_b (1);
  g_autoptr (CordFrame) reply = NULL;
  g_autoptr (CordFrame) df = NULL;
  CordFrameInfo info;

  reply = cord_frame_build_icmp_echo_reply (&p, 1, 1, (const guint8 *) "abcd", 4);
  ck_assert_mem_eq (reply->data, echo_vector, 34);
  ck_assert_uint_eq (reply->data[34], 0x00);
  ck_assert_uint_eq (reply->data[36], 0x3b);
  ck_assert_uint_eq (reply->data[37], 0x37);
  ck_assert (cord_frame_parse (reply->data, reply->len, &info));
  ck_assert_uint_eq (info.icmp.type, CORD_FRAME_ICMP_ECHO_REPLY);
  ck_assert (info.icmp.checksum_ok);

  /* DF adds 0x4000 to the header sum: ~(0x9925 + 0x4000) = 0x26da. */
  p.dont_fragment = TRUE;
  df = cord_frame_build_icmp_echo_request (&p, 1, 1, (const guint8 *) "abcd", 4);
  ck_assert_uint_eq (df->data[20], 0x40);
  ck_assert_uint_eq (df->data[21], 0x00);
  ck_assert_uint_eq (df->data[24], 0x26);
  ck_assert_uint_eq (df->data[25], 0xda);
  ck_assert (cord_frame_parse (df->data, df->len, &info));
  ck_assert (info.ipv4.dont_fragment);
  ck_assert (!info.ipv4.more_fragments);
}
END_TEST

/* UDP 10.0.0.1:1234 -> 10.0.0.2:53, data "hi", IP id 2.
 *
 * IPv4 words: 4500 001e 0002 0000 4011 [sum] 0a00 0001 0a00 0002
 *   sum 0x9934, checksum 0x66cb.
 * Pseudo-header: 0a00 0001 0a00 0002 0011 000a = 0x141e.
 * UDP words: 04d2 0035 000a [sum] 6869 = 0x6d7a.
 *   0x141e + 0x6d7a = 0x8198; ~ = 0x7e67. */
START_TEST (test_udp_bytes)
{
  static const guint8 want[60] = {
    0x00, 0x01, 0x42, 0x00, 0x0a, 0x02, 0x00, 0x01, 0x42, 0x00, 0x0a, 0x01,
    0x08, 0x00,
    0x45, 0x00, 0x00, 0x1e, 0x00, 0x02, 0x00, 0x00, 0x40, 0x11, 0x66, 0xcb,
    0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02,
    0x04, 0xd2, 0x00, 0x35, 0x00, 0x0a, 0x7e, 0x67, 0x68, 0x69,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  };
  CordFrameIpv4Params p = params_a_to_b (2);
  g_autoptr (CordFrame) f = cord_frame_build_udp (&p, 1234, 53, (const guint8 *) "hi", 2);
  CordFrameInfo info;

  ck_assert_uint_eq (f->len, 60);
  ck_assert_mem_eq (f->data, want, 60);

  ck_assert (cord_frame_parse (f->data, f->len, &info));
  ck_assert (info.has_udp && !info.has_icmp);
  ck_assert_uint_eq (info.udp.src_port, 1234);
  ck_assert_uint_eq (info.udp.dst_port, 53);
  ck_assert_uint_eq (info.udp.length, 10);
  ck_assert (info.udp.checksum_present);
  ck_assert (info.udp.checksum_ok);
  ck_assert_uint_eq (info.payload_offset, 42);
  ck_assert_uint_eq (info.payload_len, 2);

  /* A damaged payload is not malformed, but the checksum says so. */
  f->data[42] ^= 0x01;
  ck_assert (cord_frame_parse (f->data, f->len, &info));
  ck_assert (!info.udp.checksum_ok);

  /* Zero means the sender computed none. */
  f->data[40] = 0;
  f->data[41] = 0;
  ck_assert (cord_frame_parse (f->data, f->len, &info));
  ck_assert (!info.udp.checksum_present);
  ck_assert (info.udp.checksum_ok);
}
END_TEST

/* With data e6d0 the sum is 0x141e + 0x04d2 + 0x0035 + 0x000a + 0xe6d0 =
 * 0xffff, whose complement 0 must go out as 0xffff. */
START_TEST (test_udp_checksum_zero)
{
  const guint8 data[] = { 0xe6, 0xd0 };
  CordFrameIpv4Params p = params_a_to_b (2);
  g_autoptr (CordFrame) f = cord_frame_build_udp (&p, 1234, 53, data, 2);
  CordFrameInfo info;

  ck_assert_uint_eq (f->data[40], 0xff);
  ck_assert_uint_eq (f->data[41], 0xff);
  ck_assert (cord_frame_parse (f->data, f->len, &info));
  ck_assert (info.udp.checksum_present);
  ck_assert (info.udp.checksum_ok);
}
END_TEST

START_TEST (test_ethernet_build)
{
  guint8 big[CORD_FRAME_MTU];
  g_autoptr (CordFrame) small = NULL;
  g_autoptr (CordFrame) full = NULL;
  g_autoptr (CordFrame) tagged = NULL;
  CordFrameInfo info;

  for (gsize i = 0; i < sizeof big; i++)
    big[i] = (guint8) i;

  small = cord_frame_build_ethernet (&mac_b, &mac_a, CORD_FRAME_VID_NONE, 0x88b5, big, 3);
  ck_assert_uint_eq (small->len, 60);
  ck_assert_uint_eq (small->data[12], 0x88);
  ck_assert_uint_eq (small->data[13], 0xb5);
  ck_assert_mem_eq (small->data + 14, big, 3);
  for (gsize i = 17; i < 60; i++)
    ck_assert_uint_eq (small->data[i], 0);
  ck_assert (cord_frame_parse (small->data, small->len, &info));
  ck_assert_uint_eq (info.ethertype, 0x88b5);
  ck_assert_uint_eq (info.payload_offset, 14);
  ck_assert_uint_eq (info.payload_len, 46);

  full = cord_frame_build_ethernet (&mac_b, &mac_a, CORD_FRAME_VID_NONE, 0x88b5, big, sizeof big);
  ck_assert_uint_eq (full->len, CORD_FRAME_MAX_UNTAGGED_LEN);
  ck_assert (cord_frame_parse (full->data, full->len, &info));

  tagged = cord_frame_build_ethernet (&mac_b, &mac_a, 4094, 0x88b5, big, sizeof big);
  ck_assert_uint_eq (tagged->len, CORD_FRAME_MAX_LEN);
  ck_assert_uint_eq (tagged->data[14], 0x0f);
  ck_assert_uint_eq (tagged->data[15], 0xfe);
  ck_assert (cord_frame_parse (tagged->data, tagged->len, &info));
  ck_assert (info.has_vlan);
  ck_assert_uint_eq (info.vid, 4094);
  ck_assert_uint_eq (info.pcp, 0);
  ck_assert_uint_eq (info.l3_offset, 18);
}
END_TEST

/* ---- 802.1Q ------------------------------------------------------------- */

START_TEST (test_vlan_roundtrip)
{
  /* The ARP request of test_arp_request_bytes with a VID 10 tag after the
   * source address; the original padding stays, so it is 64 bytes. */
  static const guint8 want_tagged[64] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x01, 0x42, 0x00, 0x00, 0x01,
    0x81, 0x00, 0x00, 0x0a,
    0x08, 0x06,
    0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01,
    0x00, 0x01, 0x42, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x01,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  };
  const CordMac src = { { 0x00, 0x01, 0x42, 0x00, 0x00, 0x01 } };
  g_autoptr (CordFrame) plain = cord_frame_build_arp_request (&src, CORD_FRAME_VID_NONE,
                                                              IP (10, 0, 0, 2),
                                                              IP (10, 0, 0, 1));
  g_autoptr (CordFrame) tagged = cord_frame_add_vlan_tag (plain, 10);
  g_autoptr (CordFrame) untagged = cord_frame_remove_vlan_tag (tagged);
  g_autoptr (CordFrame) built_tagged = cord_frame_build_arp_request (&src, 10,
                                                                     IP (10, 0, 0, 2),
                                                                     IP (10, 0, 0, 1));
  g_autoptr (CordFrame) built_untagged = cord_frame_remove_vlan_tag (built_tagged);
  g_autoptr (CordFrame) big = NULL;
  g_autoptr (CordFrame) big_tagged = NULL;
  g_autoptr (CordFrame) big_back = NULL;
  CordFrameIpv4Params p = params_a_to_b (7);
  guint8 data[1472];
  CordFrameInfo info;

  ck_assert_uint_eq (tagged->len, 64);
  ck_assert_mem_eq (tagged->data, want_tagged, 64);
  ck_assert (cord_frame_parse (tagged->data, tagged->len, &info));
  ck_assert (info.has_vlan && info.has_arp);
  ck_assert_uint_eq (info.vid, 10);
  ck_assert_uint_eq (info.ethertype, CORD_FRAME_ETHERTYPE_ARP);

  ck_assert_uint_eq (untagged->len, 60);
  ck_assert_mem_eq (untagged->data, plain->data, 60);

  /* Built tagged, the ARP is padded to 60 with the tag; stripping it
   * must re-pad to 60, giving exactly the untagged build. */
  ck_assert_uint_eq (built_tagged->len, 60);
  ck_assert_mem_eq (built_tagged->data, want_tagged, 46);
  ck_assert_uint_eq (built_untagged->len, 60);
  ck_assert_mem_eq (built_untagged->data, plain->data, 60);

  /* A full-MTU frame tags to exactly the maximum and back. */
  memset (data, 0xa5, sizeof data);
  big = cord_frame_build_udp (&p, 9, 9, data, sizeof data);
  ck_assert_uint_eq (big->len, 1514);
  big_tagged = cord_frame_add_vlan_tag (big, 1);
  ck_assert_uint_eq (big_tagged->len, CORD_FRAME_MAX_LEN);
  ck_assert (cord_frame_parse (big_tagged->data, big_tagged->len, &info));
  ck_assert (info.has_udp && info.udp.checksum_ok);
  ck_assert_uint_eq (info.vid, 1);
  big_back = cord_frame_remove_vlan_tag (big_tagged);
  ck_assert_uint_eq (big_back->len, big->len);
  ck_assert_mem_eq (big_back->data, big->data, big->len);
}
END_TEST

/* ---- ICMP errors -------------------------------------------------------- */

START_TEST (test_icmp_port_unreachable)
{
  guint8 data[100];
  CordFrameIpv4Params there = params_a_to_b (0x1234);
  CordFrameIpv4Params back = params_a_to_b (0x0042);
  g_autoptr (CordFrame) probe = NULL;
  g_autoptr (CordFrame) err = NULL;
  CordFrameInfo info;

  memset (data, 0x11, sizeof data);
  probe = cord_frame_build_udp (&there, 40000, 33434, data, sizeof data);

  back.src = there.dst;
  back.dst = there.src;
  back.dst_mac = mac_a;
  back.src_mac = mac_b;
  err = cord_frame_build_icmp_dest_unreachable (&back, CORD_FRAME_UNREACH_PORT,
                                                probe->data + 14, probe->len - 14);
  /* 14 + 20 (IP) + 8 (ICMP) + 20 (quoted header) + 8 (quoted UDP header) */
  ck_assert_uint_eq (err->len, 70);
  ck_assert_mem_eq (err->data + 42, probe->data + 14, 28);
  ck_assert_uint_eq (err->data[34], 3);
  ck_assert_uint_eq (err->data[35], 3);
  ck_assert_uint_eq (err->data[38], 0);
  ck_assert_uint_eq (err->data[41], 0);

  ck_assert (cord_frame_parse (err->data, err->len, &info));
  ck_assert (info.has_icmp && info.icmp.checksum_ok && info.ipv4.checksum_ok);
  ck_assert_uint_eq (info.ipv4.total_len, 56);
  ck_assert_uint_eq (info.icmp.type, CORD_FRAME_ICMP_DEST_UNREACHABLE);
  ck_assert_uint_eq (info.icmp.code, CORD_FRAME_UNREACH_PORT);
  ck_assert (info.icmp.quote.valid);
  ck_assert (info.icmp.quote.has_l4);
  ck_assert_uint_eq (info.icmp.quote.offset, 42);
  ck_assert_uint_eq (info.icmp.quote.len, 28);
  ck_assert_uint_eq (info.icmp.quote.src, IP (10, 0, 0, 1));
  ck_assert_uint_eq (info.icmp.quote.dst, IP (10, 0, 0, 2));
  ck_assert_uint_eq (info.icmp.quote.protocol, CORD_FRAME_IPPROTO_UDP);
  ck_assert_uint_eq (info.icmp.quote.ip_id, 0x1234);
  ck_assert_uint_eq (info.icmp.quote.src_port, 40000);
  ck_assert_uint_eq (info.icmp.quote.dst_port, 33434);
}
END_TEST

START_TEST (test_icmp_time_exceeded)
{
  guint8 data[56];
  CordFrameIpv4Params p = params_a_to_b (9);
  CordFrameIpv4Params r = params_a_to_b (1);
  g_autoptr (CordFrame) ping = NULL;
  g_autoptr (CordFrame) err = NULL;
  g_autoptr (CordFrame) odd = NULL;
  g_autoptr (CordFrame) odd_err = NULL;
  CordFrameInfo info;

  memset (data, 0x5a, sizeof data);
  p.ttl = 1;
  ping = cord_frame_build_icmp_echo_request (&p, 0xbeef, 7, data, sizeof data);
  ck_assert_uint_eq (ping->len, 98);

  r.src = IP (10, 0, 0, 254);
  r.dst = IP (10, 0, 0, 1);
  r.ttl = 255;
  err = cord_frame_build_icmp_time_exceeded (&r, CORD_FRAME_TIME_EXCEEDED_TTL,
                                             ping->data + 14, ping->len - 14);
  ck_assert_uint_eq (err->len, 70);
  ck_assert (cord_frame_parse (err->data, err->len, &info));
  ck_assert_uint_eq (info.icmp.type, CORD_FRAME_ICMP_TIME_EXCEEDED);
  ck_assert_uint_eq (info.icmp.code, 0);
  ck_assert (info.icmp.checksum_ok);
  ck_assert (info.icmp.quote.valid && info.icmp.quote.has_l4);
  ck_assert_uint_eq (info.icmp.quote.protocol, CORD_FRAME_IPPROTO_ICMP);
  ck_assert_uint_eq (info.icmp.quote.icmp_type, CORD_FRAME_ICMP_ECHO_REQUEST);
  ck_assert_uint_eq (info.icmp.quote.icmp_id, 0xbeef);
  ck_assert_uint_eq (info.icmp.quote.icmp_seq, 7);
  /* The quoted TTL is the one the router saw. */
  ck_assert_uint_eq (err->data[42 + 8], 1);

  /* A datagram with 4 payload bytes in a padded frame: only 24 bytes are
   * quoted, never the Ethernet padding. */
  odd = cord_frame_build_ipv4 (&p, 99, (const guint8 *) "wxyz", 4);
  ck_assert_uint_eq (odd->len, 60);
  odd_err = cord_frame_build_icmp_time_exceeded (&r, 0, odd->data + 14, odd->len - 14);
  ck_assert_uint_eq (odd_err->len, 14 + 20 + 8 + 24);
  ck_assert (cord_frame_parse (odd_err->data, odd_err->len, &info));
  ck_assert (info.icmp.quote.valid);
  ck_assert (!info.icmp.quote.has_l4);
  ck_assert_uint_eq (info.icmp.quote.len, 24);
}
END_TEST

/* ---- Parser rejects ----------------------------------------------------- */

static void
check_truncations (const CordFrame *f,
                   gsize            must_fail_below)
{
  CordFrameInfo info;

  ck_assert (parse_exact (f->data, f->len, &info));
  for (gsize n = 0; n < f->len; n++)
    {
      gboolean ok = parse_exact (f->data, n, &info);

      if (n < must_fail_below)
        ck_assert_msg (!ok, "truncated to %zu of %zu bytes but accepted", n, f->len);
      else
        ck_assert_msg (ok, "only padding cut (%zu of %zu) but refused", n, f->len);
    }
}

START_TEST (test_parse_truncated)
{
  guint8 data[56];
  CordFrameIpv4Params p = params_a_to_b (3);
  g_autoptr (CordFrame) ping = NULL;
  g_autoptr (CordFrame) small = NULL;
  g_autoptr (CordFrame) udp = NULL;
  g_autoptr (CordFrame) arp = NULL;
  g_autoptr (CordFrame) err = NULL;

  for (gsize i = 0; i < sizeof data; i++)
    data[i] = (guint8) (i + 8);

  /* A standard 98-byte ping has no padding: every cut must fail. */
  ping = cord_frame_build_icmp_echo_request (&p, 1, 1, data, sizeof data);
  check_truncations (ping, ping->len);

  /* 46 bytes of headers and data, then padding that may go. */
  small = cord_frame_build_icmp_echo_request (&p, 1, 1, (const guint8 *) "abcd", 4);
  check_truncations (small, 46);

  p.vid = 300;
  udp = cord_frame_build_udp (&p, 1, 2, data, 30);
  ck_assert_uint_eq (udp->len, 18 + 20 + 8 + 30);
  check_truncations (udp, udp->len);

  arp = cord_frame_build_arp_request (&mac_a, CORD_FRAME_VID_NONE, 1, 2);
  check_truncations (arp, 42);

  p.vid = CORD_FRAME_VID_NONE;
  err = cord_frame_build_icmp_dest_unreachable (&p, 1, ping->data + 14, ping->len - 14);
  check_truncations (err, err->len);
}
END_TEST

/* Rewrites the IPv4 header checksum so only the field under test is wrong. */
static void
fix_ip_checksum (guint8 *ip)
{
  gsize hlen = (gsize) (ip[0] & 0x0f) * 4;
  guint16 sum;

  if (hlen < 20)
    hlen = 20;
  ip[10] = 0;
  ip[11] = 0;
  sum = cord_frame_inet_checksum (ip, hlen);
  ip[10] = (guint8) (sum >> 8);
  ip[11] = (guint8) sum;
}

START_TEST (test_parse_bad_ipv4)
{
  guint8 buf[60];
  CordFrameInfo info;

  memcpy (buf, echo_vector, 60);
  ck_assert (cord_frame_parse (buf, 60, &info));

  /* Bad header checksum: refused, but the reason is visible. */
  buf[25] ^= 0x01;
  ck_assert (!cord_frame_parse (buf, 60, &info));
  ck_assert (info.has_ipv4);
  ck_assert (!info.ipv4.checksum_ok);
  ck_assert (!info.has_icmp);

  /* Version 6 with a correct checksum. */
  memcpy (buf, echo_vector, 60);
  buf[14] = 0x65;
  fix_ip_checksum (buf + 14);
  ck_assert (!cord_frame_parse (buf, 60, &info));
  ck_assert (!info.has_ipv4);

  /* IHL 4. */
  memcpy (buf, echo_vector, 60);
  buf[14] = 0x44;
  fix_ip_checksum (buf + 14);
  ck_assert (!cord_frame_parse (buf, 60, &info));

  /* IHL 15: a 60-byte header cannot fit in 46 bytes. */
  memcpy (buf, echo_vector, 60);
  buf[14] = 0x4f;
  ck_assert (!cord_frame_parse (buf, 60, &info));

  /* Total length larger than the frame carries. */
  memcpy (buf, echo_vector, 60);
  buf[16] = 0x00;
  buf[17] = 47;
  fix_ip_checksum (buf + 14);
  ck_assert (!cord_frame_parse (buf, 60, &info));
  /* ... and one exactly as large as the frame (padding as data) is fine. */
  buf[17] = 46;
  fix_ip_checksum (buf + 14);
  ck_assert (cord_frame_parse (buf, 60, &info));

  /* Total length shorter than the header. */
  buf[17] = 19;
  fix_ip_checksum (buf + 14);
  ck_assert (!cord_frame_parse (buf, 60, &info));

  /* Total length that leaves a 4-byte ICMP message: truncated ICMP. */
  buf[17] = 24;
  fix_ip_checksum (buf + 14);
  ck_assert (!cord_frame_parse (buf, 60, &info));

  /* A damaged ICMP checksum is not malformed, only flagged. */
  memcpy (buf, echo_vector, 60);
  buf[37] ^= 0x80;
  ck_assert (cord_frame_parse (buf, 60, &info));
  ck_assert (info.has_icmp);
  ck_assert (!info.icmp.checksum_ok);
}
END_TEST

START_TEST (test_parse_udp_lengths)
{
  CordFrameIpv4Params p = params_a_to_b (2);
  g_autoptr (CordFrame) f = cord_frame_build_udp (&p, 1234, 53, (const guint8 *) "hi", 2);
  CordFrameInfo info;

  /* UDP length past the IP payload, then below the header size. */
  f->data[39] = 11;
  ck_assert (!cord_frame_parse (f->data, f->len, &info));
  f->data[39] = 7;
  ck_assert (!cord_frame_parse (f->data, f->len, &info));
  f->data[39] = 10;
  ck_assert (cord_frame_parse (f->data, f->len, &info));
  ck_assert (info.udp.checksum_ok);
}
END_TEST

START_TEST (test_parse_sizes)
{
  g_autofree guint8 *buf = g_malloc0 (CORD_FRAME_MAX_LEN + 1);
  CordFrameInfo info;

  memcpy (buf, echo_vector, 60);
  ck_assert (!parse_exact (buf, CORD_FRAME_MAX_LEN + 1, &info));
  ck_assert (!parse_exact (buf, CORD_FRAME_MAX_UNTAGGED_LEN + 1, &info));
  ck_assert (parse_exact (buf, CORD_FRAME_MAX_UNTAGGED_LEN, &info));
  ck_assert (!parse_exact (buf, 13, &info));
  ck_assert (!parse_exact (NULL, 0, &info));

  /* A tag allows four more bytes, and no more. */
  buf[12] = 0x81;
  buf[13] = 0x00;
  buf[14] = 0x00;
  buf[15] = 0x05;
  buf[16] = 0x88;
  buf[17] = 0xb5;
  ck_assert (parse_exact (buf, CORD_FRAME_MAX_LEN, &info));
  ck_assert (info.has_vlan);
  ck_assert_uint_eq (info.vid, 5);
  ck_assert (!parse_exact (buf, CORD_FRAME_MAX_LEN + 1, &info));
  ck_assert (!parse_exact (buf, 17, &info));
  ck_assert (parse_exact (buf, 18, &info));
}
END_TEST

START_TEST (test_parse_fragment)
{
  guint8 buf[60];
  CordFrameInfo info;

  /* MF set on what looks like ICMP: the transport is not decoded. */
  memcpy (buf, echo_vector, 60);
  buf[20] = 0x20;
  fix_ip_checksum (buf + 14);
  buf[37] ^= 0xff;
  ck_assert (cord_frame_parse (buf, 60, &info));
  ck_assert (info.has_ipv4 && info.ipv4.more_fragments);
  ck_assert (!info.has_icmp);

  /* Offset 185 * 8 = 1480. */
  buf[20] = 0x00;
  buf[21] = 185;
  fix_ip_checksum (buf + 14);
  ck_assert (cord_frame_parse (buf, 60, &info));
  ck_assert_uint_eq (info.ipv4.frag_offset, 1480);
  ck_assert (!info.has_icmp);
}
END_TEST

/* Random bytes and mutated valid frames: the parser may refuse them but
 * must never read outside the buffer (run under ASan/valgrind), and what
 * it reports on success must lie inside the frame. */
START_TEST (test_parse_fuzz)
{
  g_autoptr (GRand) rng = g_rand_new_with_seed (0x5eed);
  CordFrameIpv4Params p = params_a_to_b (4);
  CordFrame *seeds[5];
  guint8 payload[200];
  guint accepted = 0;

  memset (payload, 0x33, sizeof payload);
  seeds[0] = cord_frame_build_icmp_echo_request (&p, 1, 2, payload, 56);
  seeds[1] = cord_frame_build_udp (&p, 3, 4, payload, 200);
  seeds[2] = cord_frame_build_arp_request (&mac_a, 7, 1, 2);
  seeds[3] = cord_frame_build_icmp_dest_unreachable (&p, 3, seeds[1]->data + 14,
                                                     seeds[1]->len - 14);
  seeds[4] = cord_frame_add_vlan_tag (seeds[0], 99);

  for (guint iter = 0; iter < 200000; iter++)
    {
      const CordFrame *seed = seeds[iter % G_N_ELEMENTS (seeds)];
      gsize len;
      g_autofree guint8 *buf = NULL;
      CordFrameInfo info;

      if (iter % 10 == 0)
        {
          len = (gsize) g_rand_int_range (rng, 0, CORD_FRAME_MAX_LEN + 3);
          buf = g_malloc (MAX (len, 1));
          for (gsize i = 0; i < len; i++)
            buf[i] = (guint8) g_rand_int (rng);
        }
      else
        {
          guint flips = (guint) g_rand_int_range (rng, 1, 4);

          len = seed->len;
          if (g_rand_boolean (rng))
            len = (gsize) g_rand_int_range (rng, 0, (gint32) seed->len + 1);
          buf = g_malloc (MAX (len, 1));
          memcpy (buf, seed->data, len);
          for (guint k = 0; k < flips && len > 0; k++)
            buf[g_rand_int_range (rng, 0, (gint32) len)] ^= (guint8) g_rand_int_range (rng, 1, 256);
        }

      if (!cord_frame_parse (buf, len, &info))
        continue;
      accepted++;
      ck_assert_uint_le (info.l3_offset, len);
      ck_assert_uint_le (info.payload_offset + info.payload_len, len);
      if (info.has_ipv4)
        ck_assert_uint_le (info.ipv4.l4_offset + info.ipv4.l4_len, len);
      if (info.has_icmp && info.icmp.quote.valid)
        ck_assert_uint_le (info.icmp.quote.offset + info.icmp.quote.len, len);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (seeds); i++)
    cord_frame_unref (seeds[i]);
  /* Most single-byte mutations hit payload and stay valid. */
  ck_assert_uint_gt (accepted, 20000);
}
END_TEST

/* ---- Buffers and argument checks --------------------------------------- */

START_TEST (test_frame_refcount)
{
  const guint8 bytes[] = { 1, 2, 3 };
  CordFrame *f = cord_frame_new (100);
  CordFrame *g;

  ck_assert_uint_eq (f->len, 100);
  for (gsize i = 0; i < 100; i++)
    ck_assert_uint_eq (f->data[i], 0);
  g = cord_frame_ref (f);
  ck_assert_ptr_eq (g, f);
  cord_frame_unref (f);
  f->data[99] = 7;          /* still alive: one reference left */
  cord_frame_unref (g);

  f = cord_frame_new_copy (bytes, sizeof bytes);
  ck_assert_uint_eq (f->len, 3);
  ck_assert_mem_eq (f->data, bytes, 3);
  cord_frame_unref (f);
}
END_TEST

static guint criticals;

static void
count_criticals (const gchar   *domain G_GNUC_UNUSED,
                 GLogLevelFlags level,
                 const gchar   *message G_GNUC_UNUSED,
                 gpointer       data G_GNUC_UNUSED)
{
  if (level & G_LOG_LEVEL_CRITICAL)
    criticals++;
}

START_TEST (test_invalid_args)
{
  /* meson runs tests with G_DEBUG=fatal-warnings; these criticals are
   * the point of the test, so they must only be counted. */
  GLogLevelFlags old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  GLogFunc old = g_log_set_default_handler (count_criticals, NULL);
  CordFrameIpv4Params p = params_a_to_b (1);
  guint8 big[CORD_FRAME_MTU + 1] = { 0 };
  g_autoptr (CordFrame) tagged = NULL;
  g_autoptr (CordFrame) plain = NULL;

  criticals = 0;
  ck_assert_ptr_null (cord_frame_new (CORD_FRAME_MAX_LEN + 1));
  ck_assert_ptr_null (cord_frame_build_ethernet (&mac_a, &mac_b, 4095, 0x0800, big, 10));
  ck_assert_ptr_null (cord_frame_build_ethernet (&mac_a, &mac_b, 0, 0x0800, big, sizeof big));
  ck_assert_ptr_null (cord_frame_build_udp (&p, 1, 2, big, 1473));
  ck_assert_ptr_null (cord_frame_build_icmp_echo_request (&p, 1, 2, big, 1473));
  ck_assert_ptr_null (cord_frame_build_icmp_dest_unreachable (&p, 16, echo_vector + 14, 46));
  ck_assert_ptr_null (cord_frame_build_icmp_dest_unreachable (&p, 3, big, 19));
  ck_assert_ptr_null (cord_frame_build_icmp_time_exceeded (&p, 2, echo_vector + 14, 46));

  plain = cord_frame_new_copy (echo_vector, 60);
  ck_assert_ptr_null (cord_frame_add_vlan_tag (plain, 0));
  ck_assert_ptr_null (cord_frame_add_vlan_tag (plain, 4095));
  ck_assert_ptr_null (cord_frame_remove_vlan_tag (plain));
  tagged = cord_frame_add_vlan_tag (plain, 2);
  ck_assert_ptr_nonnull (tagged);
  ck_assert_ptr_null (cord_frame_add_vlan_tag (tagged, 3));

  g_log_set_default_handler (old, NULL);
  g_log_set_always_fatal (old_fatal);
  ck_assert_uint_eq (criticals, 12);
}
END_TEST

static Suite *
frame_suite (void)
{
  Suite *s = suite_create ("frame");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_mac_format);
  tcase_add_test (tc, test_mac_parse);
  tcase_add_test (tc, test_mac_kinds);
  tcase_add_test (tc, test_ipv4_format_parse);
  tcase_add_test (tc, test_checksum_rfc1071);
  tcase_add_test (tc, test_arp_request_bytes);
  tcase_add_test (tc, test_arp_reply);
  tcase_add_test (tc, test_icmp_echo_bytes);
  tcase_add_test (tc, test_icmp_echo_reply_and_df);
  tcase_add_test (tc, test_udp_bytes);
  tcase_add_test (tc, test_udp_checksum_zero);
  tcase_add_test (tc, test_ethernet_build);
  tcase_add_test (tc, test_vlan_roundtrip);
  tcase_add_test (tc, test_icmp_port_unreachable);
  tcase_add_test (tc, test_icmp_time_exceeded);
  tcase_add_test (tc, test_parse_truncated);
  tcase_add_test (tc, test_parse_bad_ipv4);
  tcase_add_test (tc, test_parse_udp_lengths);
  tcase_add_test (tc, test_parse_sizes);
  tcase_add_test (tc, test_parse_fragment);
  tcase_add_test (tc, test_frame_refcount);
  tcase_add_test (tc, test_invalid_args);
  suite_add_tcase (s, tc);

  /* Slow under valgrind, so it gets its own, longer, timeout. */
  tc = tcase_create ("fuzz");
  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_parse_fuzz);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  SRunner *sr = srunner_create (frame_suite ());
  int failed;

  srunner_run_all (sr, CK_NORMAL);
  failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? 0 : 1;
}
