"""A tiny but real MP4 video, written without any encoder: H.264 (Constrained Baseline) whose
macroblocks are all I_PCM, i.e. raw samples, in an ISO base media file. Browsers play it.

Used for the demo videos and in tests, where no video file can be downloaded. Each frame shows a
flat colour band that moves, so playback is visible; there is no sound.
"""

import struct

MB = 16  # macroblock size


class _Bits:
    def __init__(self):
        self.bits = []

    def u(self, count, value):
        self.bits.extend((value >> shift) & 1 for shift in range(count - 1, -1, -1))

    def ue(self, value):
        value += 1
        length = value.bit_length()
        self.u(length - 1, 0)
        self.u(length, value)

    def se(self, value):
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def align_zero(self):
        while len(self.bits) % 8:
            self.bits.append(0)

    def trailing(self):
        self.bits.append(1)
        self.align_zero()

    def raw(self, data):
        assert len(self.bits) % 8 == 0
        self.bits.extend((byte >> shift) & 1 for byte in data for shift in range(7, -1, -1))

    def bytes(self):
        return bytes(
            int("".join(map(str, self.bits[i : i + 8])), 2) for i in range(0, len(self.bits), 8)
        )


def _nal(nal_type, payload, ref_idc=3):
    """A NAL unit with emulation prevention bytes."""
    escaped = bytearray()
    zeros = 0
    for byte in payload:
        if zeros >= 2 and byte <= 3:
            escaped.append(3)
            zeros = 0
        escaped.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes([(ref_idc << 5) | nal_type]) + bytes(escaped)


def _sps(width_mbs, height_mbs):
    bits = _Bits()
    bits.u(8, 66)  # profile_idc: Baseline
    bits.u(8, 0b11000000)  # constraint_set0 and set1: Constrained Baseline
    bits.u(8, 10)  # level 1.0
    bits.ue(0)  # seq_parameter_set_id
    bits.ue(0)  # log2_max_frame_num_minus4
    bits.ue(2)  # pic_order_cnt_type: output order is decoding order
    bits.ue(1)  # max_num_ref_frames
    bits.u(1, 0)  # gaps_in_frame_num_value_allowed_flag
    bits.ue(width_mbs - 1)
    bits.ue(height_mbs - 1)
    bits.u(1, 1)  # frame_mbs_only_flag
    bits.u(1, 1)  # direct_8x8_inference_flag
    bits.u(1, 0)  # frame_cropping_flag
    bits.u(1, 0)  # vui_parameters_present_flag
    bits.trailing()
    return _nal(7, bits.bytes())


def _pps():
    bits = _Bits()
    bits.ue(0)  # pic_parameter_set_id
    bits.ue(0)  # seq_parameter_set_id
    bits.u(1, 0)  # entropy_coding_mode_flag: CAVLC
    bits.u(1, 0)  # bottom_field_pic_order_in_frame_present_flag
    bits.ue(0)  # num_slice_groups_minus1
    bits.ue(0)  # num_ref_idx_l0_default_active_minus1
    bits.ue(0)  # num_ref_idx_l1_default_active_minus1
    bits.u(1, 0)  # weighted_pred_flag
    bits.u(2, 0)  # weighted_bipred_idc
    bits.se(0)  # pic_init_qp_minus26
    bits.se(0)  # pic_init_qs_minus26
    bits.se(0)  # chroma_qp_index_offset
    bits.u(1, 0)  # deblocking_filter_control_present_flag
    bits.u(1, 0)  # constrained_intra_pred_flag
    bits.u(1, 0)  # redundant_pic_cnt_present_flag
    bits.trailing()
    return _nal(8, bits.bytes())


# (luma, blue-difference, red-difference) of the background and of the moving band, per variant.
PALETTES = [((60, 170, 100), (200, 110, 140)), ((90, 80, 170), (210, 140, 110))]


def _frame_samples(index, frames, width_mbs, height_mbs, variant):
    """Luma and chroma samples of each macroblock: a light band moving across a coloured field."""
    band = (index * width_mbs) // max(frames, 1)
    background, light = PALETTES[variant % len(PALETTES)]
    macroblocks = []
    for _row in range(height_mbs):
        for column in range(width_mbs):
            luma, chroma_b, chroma_r = light if column == band else background
            macroblocks.append(
                bytes([luma]) * (MB * MB) + bytes([chroma_b]) * 64 + bytes([chroma_r]) * 64
            )
    return macroblocks


def _idr_slice(index, frames, width_mbs, height_mbs, variant):
    bits = _Bits()
    bits.ue(0)  # first_mb_in_slice
    bits.ue(7)  # slice_type: I (all slices of the picture)
    bits.ue(0)  # pic_parameter_set_id
    bits.u(4, 0)  # frame_num
    bits.ue(index % 2)  # idr_pic_id: consecutive IDR pictures differ
    bits.u(1, 0)  # no_output_of_prior_pics_flag
    bits.u(1, 0)  # long_term_reference_flag
    bits.se(0)  # slice_qp_delta
    for samples in _frame_samples(index, frames, width_mbs, height_mbs, variant):
        bits.ue(25)  # mb_type: I_PCM
        bits.align_zero()  # pcm_alignment_zero_bit
        bits.raw(samples)
    bits.trailing()
    return _nal(5, bits.bytes())


def _box(kind, *parts):
    payload = b"".join(parts)
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _full_box(kind, version, flags, *parts):
    return _box(kind, struct.pack(">I", (version << 24) | flags), *parts)


MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)


def _moov(width, height, sizes, frame_ms, sps, pps, data_offset):
    count = len(sizes)
    duration = count * frame_ms
    avcc = _box(
        b"avcC",
        bytes([1, sps[1], sps[2], sps[3], 0xFF, 0xE1]),
        struct.pack(">H", len(sps)),
        sps,
        bytes([1]),
        struct.pack(">H", len(pps)),
        pps,
    )
    avc1 = _box(
        b"avc1",
        bytes(6),
        struct.pack(">H", 1),  # data_reference_index
        bytes(16),
        struct.pack(">HH", width, height),
        struct.pack(">II", 0x00480000, 0x00480000),
        bytes(4),
        struct.pack(">H", 1),  # frame_count
        bytes(32),  # compressorname
        struct.pack(">Hh", 0x18, -1),
        avcc,
    )
    stbl = _box(
        b"stbl",
        _full_box(b"stsd", 0, 0, struct.pack(">I", 1), avc1),
        _full_box(b"stts", 0, 0, struct.pack(">III", 1, count, frame_ms)),
        _full_box(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, count, 1)),
        _full_box(
            b"stsz", 0, 0, struct.pack(">II", 0, count), *(struct.pack(">I", s) for s in sizes)
        ),
        _full_box(b"stco", 0, 0, struct.pack(">II", 1, data_offset)),
    )
    minf = _box(
        b"minf",
        _full_box(b"vmhd", 0, 1, bytes(8)),
        _box(b"dinf", _full_box(b"dref", 0, 0, struct.pack(">I", 1), _full_box(b"url ", 0, 1))),
        stbl,
    )
    mdia = _box(
        b"mdia",
        _full_box(b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, 1000, duration, 0x55C4, 0)),
        _full_box(b"hdlr", 0, 0, bytes(4), b"vide", bytes(12), b"Velkommen video\x00"),
        minf,
    )
    tkhd = _full_box(
        b"tkhd",
        0,
        3,  # enabled, in movie
        struct.pack(">IIIII", 0, 0, 1, 0, duration),
        bytes(8),
        struct.pack(">hhhH", 0, 0, 0, 0),
        MATRIX,
        struct.pack(">II", width << 16, height << 16),
    )
    mvhd = _full_box(
        b"mvhd",
        0,
        0,
        struct.pack(">IIII", 0, 0, 1000, duration),
        struct.pack(">IH", 0x10000, 0x100),
        bytes(10),
        MATRIX,
        bytes(24),
        struct.pack(">I", 2),  # next_track_ID
    )
    return _box(b"moov", mvhd, _box(b"trak", tkhd, mdia))


def make_mp4(seconds=12, fps=2, width=64, height=32, variant=0):
    """Bytes of an MP4 file of ``seconds`` seconds at ``fps`` frames per second; ``variant``
    changes its colours (a second video that visibly differs)."""
    width_mbs, height_mbs = width // MB, height // MB
    frames = seconds * fps
    sps, pps = _sps(width_mbs, height_mbs), _pps()
    samples = [
        (lambda nal: struct.pack(">I", len(nal)) + nal)(
            _idr_slice(index, frames, width_mbs, height_mbs, variant)
        )
        for index in range(frames)
    ]
    sizes = [len(sample) for sample in samples]
    ftyp = _box(b"ftyp", b"isom", struct.pack(">I", 0x200), b"isomiso2avc1mp41")
    frame_ms = 1000 // fps
    moov = _moov(width, height, sizes, frame_ms, sps, pps, 0)
    offset = len(ftyp) + len(moov) + 8
    moov = _moov(width, height, sizes, frame_ms, sps, pps, offset)
    return ftyp + moov + _box(b"mdat", *samples)
